import type { Config } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import { SLUG_PATTERN } from '../core/slug.js';
import { articleFolder, checkSlug, checkType } from './create-article.js';
import type { NewArticle } from './new-article.js';
import type { Prompter } from './prompter.js';
import { slugify } from '../core/slug.js';

/** The flags of `healthmd new`, as commander parses them. */
export interface NewFlags {
  type?: string;
  condition?: string;
  treatment?: string[];
  author?: string;
  reviewer?: string;
  slug?: string;
  dir?: string;
  tag?: string[];
  yes?: boolean;
  open?: boolean;
}

export const USAGE = 'usage: healthmd new "Title" [--type T] [--condition C] [--treatment T]... [--author A] [--reviewer R] [--slug S] [--dir SUBFOLDER] [--tag T]... [--yes] [--open]';

/**
 * Settles every answer `new` needs: flags first, then (with a prompter, i.e. on a terminal without
 * --yes) questions for what is still missing, then defaults. Without a prompter it never waits for
 * input, and a missing title is a usage error.
 */
export async function resolveNewArticle(titleArg: string | undefined, flags: NewFlags, config: Config, today: CalendarDate, prompter?: Prompter): Promise<NewArticle> {
  // Refuse bad flags before asking anything, so nobody answers questions for nothing.
  if (flags.type !== undefined) checkType(config, flags.type);
  if (flags.slug !== undefined) checkSlug(flags.slug);
  articleFolder(config, flags.dir ?? '');
  let title = clean(titleArg);
  if (!title) {
    if (!prompter) throw new UsageError(`a title is required when not asking questions (no terminal, or --yes)\n${USAGE}`);
    title = (await prompter.input({ message: 'Title', required: true, validate: (value) => value.trim() !== '' || 'Enter a title' })).trim();
  }
  let type = flags.type;
  if (type === undefined) {
    const names = Object.keys(config.types);
    type =
      prompter && names.length > 1
        ? await prompter.select({
            message: 'Type',
            choices: names.map((name) => ({ value: name, name, description: describeType(config, name) })),
            default: config.defaultType,
          })
        : config.defaultType;
  }
  const medical = config.types[type].medical;
  const ask = async (given: string | undefined, message: string, wanted = true): Promise<string | undefined> => {
    if (given !== undefined || !prompter || !wanted) return clean(given);
    return clean(await prompter.input({ message }));
  };
  const condition = await ask(flags.condition, 'Condition (optional)', medical);
  let treatments = list(flags.treatment ?? []);
  if (treatments.length === 0 && prompter && medical) {
    treatments = list((await prompter.input({ message: 'Treatments, separated by commas (optional)' })).split(','));
  }
  const author = await ask(flags.author, 'Author (optional: fill it in later)');
  const reviewer = await ask(flags.reviewer, 'Medical reviewer, with credentials (optional: review later with healthmd review)', medical);
  let slug = flags.slug ?? slugify(title);
  if (!slug) {
    if (!prompter) throw new UsageError(`cannot make a file name from the title "${title}"; pass --slug (e.g. --slug back-pain)`);
    slug = (await prompter.input({ message: 'File name (slug)', required: true, validate: (value) => SLUG_PATTERN.test(value) || 'Use lower-case letters, digits and hyphens' })).trim();
  }
  return { title, type, slug, dir: flags.dir ?? '', condition, treatments, tags: list(flags.tag ?? []), author, reviewer, date: today };
}

function describeType(config: Config, name: string): string {
  const type = config.types[name];
  const sections = type.requiredSections.length ? type.requiredSections.join(', ') : 'no required sections';
  return `${sections}${type.medical ? '' : ' (not medical)'}`;
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Trimmed, non-empty, each once (a repeated treatment would need two identical headings). */
function list(values: string[]): string[] {
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))];
}

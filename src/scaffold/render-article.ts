import path from 'node:path';
import { parseArticle, type Article } from '../core/article.js';
import type { ArticleType, Config } from '../core/config.js';
import { HealthmdError } from '../core/errors.js';
import { containsWords, headingMatchesSection, words } from '../core/sections.js';
import { articleFrontMatter } from './article-front-matter.js';
import type { ArticleTemplate } from './article-template.js';
import type { NewArticle } from './new-article.js';
import { escapeMarkdown } from './markdown-escape.js';
import { createTemplateEngine } from './template-engine.js';

export type SectionKind = 'sources' | 'disclaimer' | 'other';

/** Placeholders for sections the safety net adds (see `addMissingSections`). */
const SECTION_PLACEHOLDER = '[[Write this section in short paragraphs and plain words]]';
const SOURCES_PLACEHOLDER = '- [[Add at least one source: a URL, DOI or PMID]]';
const TREATMENT_PLACEHOLDER = '[[Explain what this treatment involves, how well it works and its side effects]]';

/**
 * The sections a new article of a type gets: those the type requires, plus Sources and Disclaimer
 * for a medical type, which sources-present and disclaimer-present ask of every medical article.
 */
export function scaffoldSections(type: ArticleType | undefined): string[] {
  const sections = [...(type?.requiredSections ?? [])];
  if (!type?.medical) return sections;
  for (const closing of ['Sources', 'Disclaimer']) {
    if (!sections.some((name) => headingMatchesSection(name, closing))) sections.push(closing);
  }
  return sections;
}

/** Sources and Disclaimer close an article and get their own content; every other section gets a placeholder. */
export function sectionKind(name: string): SectionKind {
  if (headingMatchesSection(name, 'Sources')) return 'sources';
  if (headingMatchesSection(name, 'Disclaimer')) return 'disclaimer';
  return 'other';
}

/**
 * The text of a new article: the type's Liquid template rendered with the answers, blank lines
 * tidied, and any heading the type requires but the template lacks added, so a fresh scaffold's
 * only lint findings are its placeholders and, for a medical type, the review not yet recorded.
 */
export function renderArticle(template: ArticleTemplate, article: NewArticle, config: Config, cwd: string): string {
  const sections = scaffoldSections(config.types[article.type]);
  const context = {
    front_matter: articleFrontMatter(article),
    title: article.title,
    type: article.type,
    condition: article.condition ?? '',
    treatments: article.treatments,
    tags: article.tags,
    author: article.author ?? '',
    reviewer: article.reviewer ?? '',
    date: article.date,
    disclaimer: config.disclaimer.text,
    required_sections: sections.map((name) => ({ name, kind: sectionKind(name) })),
    site: config.site,
  };
  const display = path.relative(cwd, template.file) || template.file;
  let text: string;
  try {
    text = createTemplateEngine(path.dirname(template.file)).parseAndRenderSync(template.text, context);
  } catch (error) {
    const position = (error as { token?: { getPosition?: () => [number, number] } }).token?.getPosition?.();
    const reason = (error as Error).message.replace(/, line:\d+, col:\d+$/, '');
    throw new HealthmdError(`article template: ${reason}; fix the Liquid syntax`, { file: display, line: position?.[0], column: position?.[1], cause: error });
  }
  text = `${text.replace(/\r\n?/g, '\n').replace(/^\n+/, '').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
  const parsed = parseArticle({ path: template.file, relPath: `${article.slug}.md`, content: text });
  if (parsed.problem || !parsed.frontMatter) {
    const reason = parsed.problem?.message ?? 'it has no front matter';
    throw new HealthmdError(`article template renders an unusable article (${reason}); keep '---', {{ front_matter }} and '---' at its top`, { file: display });
  }
  return addMissingSections(text, parsed, sections, article.treatments, config.disclaimer.text);
}

/**
 * Adds a `##` section for each required section and treatment that has no heading, before the
 * Sources and Disclaimer sections (which close an article) or at the end.
 */
function addMissingSections(text: string, parsed: Article, required: string[], treatments: string[], disclaimer: string): string {
  const headings = parsed.headings.map((heading) => heading.text);
  const body: string[] = [];
  const closing: string[] = [];
  for (const name of required) {
    if (headings.some((heading) => headingMatchesSection(heading, name))) continue;
    const kind = sectionKind(name);
    if (kind === 'other') body.push(`## ${escapeMarkdown(name)}\n\n${SECTION_PLACEHOLDER}`);
    else closing.push(`## ${escapeMarkdown(name)}\n\n${kind === 'sources' ? SOURCES_PLACEHOLDER : disclaimer}`);
  }
  for (const treatment of treatments) {
    if (headings.some((heading) => containsWords(words(heading), words(treatment)))) continue;
    body.push(`## ${escapeMarkdown(treatment)}\n\n${TREATMENT_PLACEHOLDER}`);
  }
  if (body.length === 0 && closing.length === 0) return text;
  const firstClosing = parsed.headings.find((heading) => sectionKind(heading.text) !== 'other');
  const split = firstClosing ? parsed.bodyStart + firstClosing.start : text.length;
  const parts = [text.slice(0, split), ...body, text.slice(split), ...closing].map((part) => part.trim()).filter(Boolean);
  return `${parts.join('\n\n')}\n`;
}

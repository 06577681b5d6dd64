import type { Article } from './article.js';
import { publishedDate } from './article-info.js';
import { toCalendarDate, type CalendarDate } from './dates.js';
import { count } from './count.js';

/** What decides publication besides the files: the `--drafts` and `--future` flags and today. */
export interface PublishOptions {
  /** `--drafts`: drafts, `published: false` and values in doubt are published too. */
  drafts?: boolean;
  /** `--future`: articles dated after today are published too. */
  future?: boolean;
  now: CalendarDate;
}

/**
 * Why an article is not published: `draft` (`draft: true` or Jekyll's `published: false`),
 * `in-doubt` (`draft` or `published` holds something other than true or false: front-matter-schema
 * reports the wrong type, and in doubt nothing is published; only `published: "true"` and
 * `draft: "false"`, which can mean one thing, are published),
 * `future` (dated after today, as Jekyll and Hugo hold such posts back until their day),
 * `expired` (its Hugo `expiryDate` is before today: the author said until when it holds, as a
 * season's clinic hours do, and Hugo leaves it out after that day).
 */
export type Unpublished = 'draft' | 'in-doubt' | 'future' | 'expired';

/**
 * The one answer to "is this article published?", asked by lint, build, export, serve and list alike.
 * An article that cannot be parsed is "published" here: it is in the set so front-matter-valid
 * reports it, and the build stops on it (or, with --skip-lint, names it as left out).
 */
export function unpublishedReason(article: Article, options: PublishOptions): Unpublished | undefined {
  if (article.problem) return undefined;
  if (!options.drafts) {
    const { draft, published } = article.data;
    if (draft === true || published === false) return 'draft';
    // The text "true"/"false" is a wrong type front-matter-schema reports; where it says to publish
    // (published: "true", draft: "false") it is followed, anything else is in doubt and held back.
    if (!saysPublish(draft, 'false') || !saysPublish(published, 'true')) return 'in-doubt';
  }
  if (!options.future) {
    const date = publishedDate(article);
    if (date !== undefined && date > options.now) return 'future';
  }
  const expiry = expiryDate(article);
  if (expiry !== undefined && expiry < options.now) return 'expired';
  return undefined;
}

/** Hugo's names for the day after which a page is no longer published (any case, as Hugo reads its keys). */
const EXPIRY_KEYS = new Set(['expirydate', 'unpublishdate']);

/** The day an article stops being published (Hugo's `expiryDate`), the day written. */
export function expiryDate(article: Article): CalendarDate | undefined {
  for (const key in article.data) if (EXPIRY_KEYS.has(key.toLowerCase())) return toCalendarDate(article.data[key]);
  return undefined;
}

export interface PublishedSet<T extends Article = Article> {
  /** What is published, in the given order. */
  published: T[];
  /** What lint checks: the published articles and those in doubt, whose wrong type must be reported. */
  linted: T[];
  /** The articles left out, with why. */
  leftOut: Array<{ article: T; reason: Unpublished }>;
}

/** Splits articles into what is published and what is left out, and why. */
export function selectPublished<T extends Article>(articles: readonly T[], options: PublishOptions): PublishedSet<T> {
  const set: PublishedSet<T> = { published: [], linted: [], leftOut: [] };
  for (const article of articles) {
    const reason = unpublishedReason(article, options);
    if (reason === undefined) set.published.push(article);
    else set.leftOut.push({ article, reason });
    if (reason === undefined || reason === 'in-doubt') set.linted.push(article);
  }
  return set;
}

/** "2 drafts, 1 dated after today": what was left out, for a note on stderr. */
export function describeLeftOut(leftOut: ReadonlyArray<{ reason: Unpublished }>): string {
  const counts = { draft: 0, 'in-doubt': 0, future: 0, expired: 0 };
  for (const { reason } of leftOut) counts[reason]++;
  const parts: string[] = [];
  if (counts.draft) parts.push(`${count(counts.draft, 'draft')} (--drafts includes them)`);
  if (counts['in-doubt']) parts.push(`${counts['in-doubt']} with draft or published not true or false`);
  if (counts.future) parts.push(`${counts.future} dated after today (--future includes them)`);
  if (counts.expired) parts.push(`${counts.expired} past ${counts.expired === 1 ? 'its' : 'their'} expiryDate (remove it or move it on to publish ${counts.expired === 1 ? 'it' : 'them'})`);
  return parts.join(', ');
}

/** True for what only `--drafts` publishes: drafts, Jekyll's `published: false`, and values in doubt. */
export function isDraft(article: Article): boolean {
  const reason = unpublishedReason(article, { future: true, now: '' });
  return reason === 'draft' || reason === 'in-doubt';
}

/** True when a draft/published value leaves the article published: unset, a boolean, or the text `publishing` ("true" for published, "false" for draft). */
function saysPublish(value: unknown, publishing: 'true' | 'false'): boolean {
  if (value === undefined || value === null || typeof value === 'boolean') return true;
  return typeof value === 'string' && value.trim().toLowerCase() === publishing;
}

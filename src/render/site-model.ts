import type { Article } from '../core/article.js';
import { articleLanguage, articleTitle, articleType, authors, publishedDate, translationKey, articleTags } from '../core/article-info.js';
import { isDraft } from '../core/publication.js';
import type { Config } from '../core/config.js';
import { newestFirst, toCalendarDate, type CalendarDate } from '../core/dates.js';
import { reviewDue } from '../core/review-cycle.js';
import { ContentError } from '../core/errors.js';
import { articleUrl } from '../core/url.js';
import { excerptParts, shownExcerpt } from './excerpt.js';
import { sectionsApart } from './sections-apart.js';
import type { SitePath } from './links.js';
import { tagPath } from './tag-path.js';
import { tagSlug } from '../core/slug.js';

/** An article as the site shows it: where it lives and what lists and pages say about it. */
export interface SiteEntry {
  article: Article;
  /** `articles/<path>/`. */
  sitePath: SitePath;
  title: string;
  description: string;
  date?: CalendarDate;
  updated?: CalendarDate;
  lastReviewed?: CalendarDate;
  nextReview?: CalendarDate;
  reviewedBy?: string;
  authors: string[];
  condition?: string;
  medical: boolean;
  /** BCP 47 language of the page. */
  lang: string;
  /** The other languages' versions of this article (sharing its translationKey), one per language. */
  translations: SiteEntry[];
  tags: TagRef[];
  /** The excerpt before its ellipsis (excerptOf shows it whole; excerptParts says why apart). */
  excerptText: string;
  excerptCut: boolean;
  /** Published only by `build --drafts` (and serve --drafts): the page says so and asks not to be indexed. */
  draft: boolean;
}

export interface TagRef {
  name: string;
  slug: string;
  sitePath: SitePath;
}

export interface TagGroup extends TagRef {
  entries: SiteEntry[];
}

/** Everything the pages are made from, decided once: entries newest first, tags, index pages. */
export interface SiteModel {
  entries: SiteEntry[];
  byPath: ReadonlyMap<string, SiteEntry>;
  tags: TagGroup[];
  /** Entries per index page (page 1 is the home page). */
  indexPages: SiteEntry[][];
}

/**
 * Orders the articles and works out what every page needs. Two articles on one URL stop the
 * build (unique-slug reports the same; this is the guard when lint is skipped or off).
 */
export function buildSiteModel(articles: readonly Article[], config: Config): SiteModel {
  return siteModelOf(articles.map((article) => siteEntry(article, config)), config);
}

/**
 * The site model from entries made one article at a time (build streams its articles: an entry
 * may hold the article's front matter only, once what the lists show of its body is read).
 */
export function siteModelOf(entries: SiteEntry[], config: Config): SiteModel {
  // Case-insensitively, as unique-slug does: on macOS and Windows, Back-Pain/ and back-pain/ are one folder.
  const seen = new Map<string, SiteEntry>();
  for (const entry of entries) {
    const key = entry.sitePath.toLowerCase();
    const other = seen.get(key);
    if (other) {
      throw new ContentError(
        `two articles would be published at ${entry.sitePath}: ${other.article.relPath} and ${entry.article.relPath}; give one of them a different slug`,
        { file: entry.article.path },
      );
    }
    seen.set(key, entry);
  }
  inSiteOrder(entries);
  linkTranslations(entries);
  const tags = new Map<string, TagGroup>();
  for (const entry of entries) {
    for (const tag of entry.tags) {
      let group = tags.get(tag.slug);
      if (!group) tags.set(tag.slug, (group = { ...tag, entries: [] }));
      group.entries.push(entry);
    }
  }
  const indexPages: SiteEntry[][] = [];
  for (let i = 0; i < entries.length; i += config.pageSize) indexPages.push(entries.slice(i, i + config.pageSize));
  if (indexPages.length === 0) indexPages.push([]);
  return {
    entries,
    byPath: new Map(entries.map((entry) => [entry.article.path, entry])),
    tags: [...tags.values()].sort((a, b) => a.slug.localeCompare(b.slug, 'en')),
    indexPages,
  };
}

/** Fills each entry's translations: the first entry of every other language sharing its key, in the site's order. */
function linkTranslations(entries: readonly SiteEntry[]): void {
  const groups = new Map<string, SiteEntry[]>();
  for (const entry of entries) {
    const key = translationKey(entry.article);
    if (key === undefined) continue;
    const group = groups.get(key) ?? [];
    if (!group.some((other) => other.lang.toLowerCase() === entry.lang.toLowerCase())) group.push(entry);
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    for (const entry of group) entry.translations = group.filter((other) => other !== entry);
  }
}

/** Sorts entries in the order the site lists them and renders their pages (in place). */
export function inSiteOrder(entries: SiteEntry[]): SiteEntry[] {
  return entries.sort(compareEntries);
}

/** Newest first, undated last; on the same day, by title; then by path, so the order never depends on the disk. */
function compareEntries(a: SiteEntry, b: SiteEntry): number {
  return newestFirst(a.date, b.date) || a.title.localeCompare(b.title, 'en') || (a.article.relPath < b.article.relPath ? -1 : a.article.relPath > b.article.relPath ? 1 : 0);
}

/** What the site shows of an article that only its body tells: a title from its first heading, and its excerpt. */
export interface BodyFacts {
  title?: string;
  excerptText: string;
  excerptCut: boolean;
}

export function bodyFacts(article: Article, config: Config): BodyFacts {
  const title = articleTitle(article);
  const { text, cut } = excerptParts(openingText(article, config.excerptLength), config.excerptLength);
  return { title: title.source === 'heading' ? title.text : undefined, excerptText: text, excerptCut: cut };
}

/** An entry's excerpt as pages show it. */
export function excerptOf(entry: Pick<SiteEntry, 'excerptText' | 'excerptCut'>): string {
  return shownExcerpt(entry.excerptText, entry.excerptCut);
}

/**
 * What the site shows of one article: read from the whole article, or from its front matter
 * with `fromBody`, what bodyFacts read of the whole article.
 */
export function siteEntry(article: Article, config: Config, fromBody: BodyFacts = bodyFacts(article, config)): SiteEntry {
  const data = article.data;
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string).trim() : '');
  const lastReviewed = toCalendarDate(data.lastReviewed);
  const tags: TagRef[] = [];
  for (const name of articleTags(article)) {
    const slug = tagSlug(name);
    if (slug && !tags.some((t) => t.slug === slug)) tags.push(tagRef(name, slug));
  }
  const type = articleType(article, config);
  return {
    article,
    sitePath: articleUrl(article.relPath, data.slug),
    title: fromBody.title ?? articleTitle(article).text,
    description: text('description'),
    date: publishedDate(article),
    updated: toCalendarDate(data.updated),
    lastReviewed,
    nextReview: lastReviewed ? reviewDue(lastReviewed, config) : undefined,
    reviewedBy: text('reviewedBy') || undefined,
    authors: authors(article),
    condition: text('condition') || undefined,
    medical: type?.medical ?? true,
    lang: articleLanguage(article, config),
    translations: [],
    // A copy of its exact size: an array filled by push keeps room for 16 more, and the site keeps one for each article.
    tags: tags.slice(),
    excerptText: fromBody.excerptText,
    excerptCut: fromBody.excerptCut,
    draft: isDraft(article),
  };
}

/** One TagRef per tag as written, shared by every article that has it (a site of 100,000 articles has a few hundred tags). */
const tagRefs = new Map<string, TagRef>();
function tagRef(name: string, slug: string): TagRef {
  const key = `${slug}\0${name}`;
  let ref = tagRefs.get(key);
  if (!ref) tagRefs.set(key, (ref = { name, slug, sitePath: tagPath(slug) }));
  return ref;
}

/**
 * The first prose of the body, just long enough to cut an excerpt of `length` from. Prose in the
 * sections the page shows apart (sources, disclaimer) is not the article's opening, wherever they stand, nor are footnotes.
 */
function openingText(article: Article, length: number): string {
  const { sources, disclaimer } = sectionsApart(article);
  const apart = [sources, disclaimer].filter((heading) => heading !== undefined);
  let text = '';
  for (const block of article.prose) {
    if (!block.text.trim()) continue;
    if (apart.some((heading) => block.start >= heading.start && block.start < heading.sectionEnd)) continue;
    // A footnote's text is a note to a sentence, not the article's opening, wherever its definition stands.
    if (article.footnotes.some((note) => block.start >= note.start && block.start < note.end)) continue;
    text = text ? `${text} ${block.text}` : block.text;
    if (text.length > length) break;
  }
  return text;
}

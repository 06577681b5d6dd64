import type { Article } from './article.js';
import type { ArticleType, Config } from './config.js';
import { toCalendarDate, type CalendarDate } from './dates.js';
import type { Heading } from './markdown.js';
import { LANGUAGE_TAG, primaryLanguage } from './language-tag.js';
import { BUILT_IN_STRINGS } from './strings.js';
import { isPlaceholderValue } from './placeholder-value.js';
import { fileNameDate, fileStem } from './url.js';

/** The article's type name: its `type` key, else the configured default. */
export function articleTypeName(article: Article, config: Config): string {
  const type = article.data.type;
  return typeof type === 'string' && type.trim() ? type.trim() : config.defaultType;
}

/** The article's type settings, or undefined for an unknown type (front-matter-schema reports it). */
export function articleType(article: Article, config: Config): ArticleType | undefined {
  return config.types[articleTypeName(article, config)];
}

/** The publication date: `date`, else a Jekyll `YYYY-MM-DD-` file-name prefix. */
export function publishedDate(article: Article): CalendarDate | undefined {
  return toCalendarDate(article.data.date) ?? (article.data.date === undefined ? fileNameDate(article.relPath) : undefined);
}

/** An article's title and where it comes from. */
export interface ArticleTitle {
  text: string;
  /** `front-matter`: its `title`; `heading`: the body's opening H1; `file-name`: words of the file name. */
  source: 'front-matter' | 'heading' | 'file-name';
  /** The body H1 that is the title: the page shows it once, as the title, and it is not a second H1. */
  heading?: Heading;
}

/**
 * The title the page shows: the `title` key; without one (or with a value such as `undefined`
 * left by a script), the body's H1 when the body's first heading is one, as Jekyll's
 * titles-from-headings does; else the words of the file name without its Jekyll date prefix
 * (`2019-05-03-vitamin-d-facts.md` → "Vitamin d facts").
 */
export function articleTitle(article: Article): ArticleTitle {
  const value = article.data.title;
  if (typeof value === 'string' && value.trim() && !isPlaceholderValue(value)) return { text: value.trim(), source: 'front-matter' };
  const first = article.headings[0];
  if (first?.depth === 1 && first.text.trim()) return { text: first.text.trim(), source: 'heading', heading: first };
  return { text: fileNameTitle(article.relPath), source: 'file-name' };
}

function fileNameTitle(relPath: string): string {
  const stem = fileStem(relPath);
  const words = stem.split(/[-_\s]+/).filter(Boolean).join(' ') || stem;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Authors as a list of names. */
export function authors(article: Article): string[] {
  const value = article.data.author;
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim());
  return [];
}

/** A list-of-strings front-matter value (`treatments`, `tags`), ignoring anything else. */
export function stringList(article: Article, key: string): string[] {
  const value = article.data[key];
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter(Boolean);
}

/**
 * The article's tags. One text of several parted by commas (`tags: stress, sleep, anxiety`, as
 * front matter written for other sites often has it) is those tags: no tag holds a comma, and
 * read whole it would be one tag of all three.
 */
export function articleTags(article: Article): string[] {
  const value = article.data.tags;
  if (typeof value !== 'string') return stringList(article, 'tags');
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/**
 * The article's language: its `lang` when it is a language tag Intl knows (canonical form), else
 * the language its file name gives as Hugo names translations (`gripe.es.md`), else the site's.
 */
export function articleLanguage(article: Article, config: Config): string {
  const value = article.data.lang;
  const fallback = config.site.language;
  if (typeof value !== 'string' || !LANGUAGE_TAG.test(value.trim())) return fileNameLanguage(article.relPath, config) ?? fallback;
  try {
    return Intl.getCanonicalLocales(value.trim())[0];
  } catch {
    return fallback;
  }
}

/** `es` in `gripe.es.md`, `pt-br` in `about.pt-br.md`: a language before the extension, as Hugo writes a translation's file name. */
const LANGUAGE_SUFFIX = /\.([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\.[^./]+$/i;

/**
 * The language a file name gives, when the site has pages in it: the site's own, one healthmd
 * has strings for (English, Spanish) or one the config's `strings` names. Many a file name ends
 * in a word that is also a language code (`acme.sh.md`, `nvm.io.md`, `init.el.md`), so a
 * language the site has no words for is not taken from a file name.
 */
function fileNameLanguage(relPath: string, config: Config): string | undefined {
  const suffix = LANGUAGE_SUFFIX.exec(relPath)?.[1];
  if (!suffix) return undefined;
  let tag: string;
  try {
    [tag] = Intl.getCanonicalLocales(suffix);
  } catch {
    return undefined;
  }
  const primary = primaryLanguage(tag);
  const known = primary === primaryLanguage(config.site.language) || Object.hasOwn(BUILT_IN_STRINGS, primary) || Object.keys(config.strings).some((key) => primaryLanguage(key) === primary);
  return known ? tag : undefined;
}

/**
 * What ties the translations of one article together: Hugo's `translationKey`, or the `ref`
 * that Jekyll's multilingual sites give each language's copy of a page.
 */
export function translationKey(article: Article): string | undefined {
  for (const key of ['translationKey', 'ref']) {
    const value = article.data[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

import type { Article } from './article.js';
import type { ArticleType, Config } from './config.js';
import { toCalendarDate, type CalendarDate } from './dates.js';
import { fileNameDate } from './url.js';

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

/** True for drafts, including Jekyll's `published: false`. */
export function isDraft(article: Article): boolean {
  return article.data.draft === true || article.data.published === false;
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

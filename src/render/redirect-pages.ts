import { articleAliases, type ArticleAlias } from '../core/aliases.js';
import { pathOrder } from '../core/discover.js';
import type { Article } from '../core/article.js';
import { articleTags } from '../core/article-info.js';
import { articleUrl } from '../core/url.js';
import { escapeHtml } from './escape-html.js';
import { outputFileOf } from './links.js';
import { indexPath } from './pages.js';
import { tagSlug } from '../core/slug.js';
import { tagPath } from './tag-path.js';

/** An alias that would be written over a page of the site or over an earlier alias. */
export interface AliasClash {
  alias: ArticleAlias;
  /** Its place among the article's aliases (articleAliases). */
  position: number;
  /** What is already there: `the page of back-pain.md`, `an alias in other.md`, `index page 2`… */
  with: string;
}

const clashCache = new WeakMap<readonly Article[], Map<string, AliasClash[]>>();

/**
 * Aliases that cannot get a redirect page because a page of the site, or another alias (of any
 * article, this one included), is written there, compared case-insensitively as unique-slug
 * compares URLs. The one decision for lint (unique-slug reports them) and build (which then
 * writes no redirect page there). `articles` are the published ones, in any order.
 */
export function aliasClashes(articles: readonly Article[], pageSize: number): Map<string, AliasClash[]> {
  let clashes = clashCache.get(articles);
  if (clashes) return clashes;
  clashes = new Map();
  const published = articles.filter((article) => !article.problem);
  // Most sites have no aliases: then nothing can clash, and the pages' paths need not be worked out.
  if (!published.some((article) => articleAliases(article).aliases.length > 0)) {
    clashCache.set(articles, clashes);
    return clashes;
  }
  // In file order, as discovery lists them, whatever order the caller holds them in: lint has them
  // by file, build by date, and both must give an alias claimed twice to the same article.
  published.sort(pathOrder);
  const taken = new Map<string, string>();
  const take = (file: string, what: string) => {
    if (!taken.has(file.toLowerCase())) taken.set(file.toLowerCase(), what);
  };
  take('index.html', 'the home page');
  for (let page = 2; page <= Math.ceil(published.length / pageSize); page++) take(outputFileOf(indexPath(page)), `index page ${page}`);
  for (const article of published) {
    take(outputFileOf(articleUrl(article.relPath, article.data.slug)), `the page of ${article.relPath}`);
    for (const tag of articleTags(article)) {
      const slug = tagSlug(tag);
      if (slug) take(outputFileOf(tagPath(slug)), `the page of the tag ${tag}`);
    }
  }
  for (const article of published) {
    articleAliases(article).aliases.forEach((alias, position) => {
      const other = taken.get(alias.file.toLowerCase());
      if (other === undefined) {
        taken.set(alias.file.toLowerCase(), `an alias in ${article.relPath}`);
        return;
      }
      // By path and position: lint asks with the whole article, build's list may hold its front matter only.
      const list = clashes.get(article.path) ?? [];
      list.push({ alias, position, with: other });
      clashes.set(article.path, list);
    });
  }
  clashCache.set(articles, clashes);
  return clashes;
}

export interface RedirectPage {
  lang: string;
  /** The page's absolute URL (canonical). */
  canonical: string;
  /** The href the redirect follows, as this file links the page (relative in an export). */
  href: string;
  title: string;
  /** "This page has moved to", in the page's language. */
  moved: string;
}

/**
 * A redirect page at an old URL, as Hugo's alias template writes it (refresh, canonical) plus
 * `noindex`, so search engines keep the page itself, and a visible link for a reader whose
 * browser does not follow the refresh.
 */
export function renderRedirectPage(page: RedirectPage): string {
  const href = escapeHtml(page.href);
  const canonical = escapeHtml(page.canonical);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(page.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<link rel="canonical" href="${canonical}">`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    '</head>',
    '<body>',
    `<p>${escapeHtml(page.moved)} <a href="${href}">${escapeHtml(page.title)}</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

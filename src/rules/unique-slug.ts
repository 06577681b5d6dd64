import path from 'node:path';
import type { Article } from '../core/article.js';
import { articleAliases } from '../core/aliases.js';
import { aliasClashes } from '../render/redirect-pages.js';
import { articleOutputPath, articleUrl } from '../core/url.js';
import { SLUG_PATTERN } from '../core/slug.js';
import type { Rule, RuleContext } from './types.js';
import { relativePath } from '../core/relative-path.js';

/** Bytes in a page's folder name: most file systems allow 255; room is left for a build's own suffixes. */
const MAX_PAGE_NAME = 200;

const byUrlCache = new WeakMap<readonly Article[], Map<string, Article[]>>();

/** No two articles are written to the same page, and no slug can lead out of the output folder. */
export const uniqueSlug: Rule = {
  id: 'unique-slug',
  description: 'No two articles share an output URL (compared case-insensitively, after Unicode NFC normalisation); a slug is a plain lower-case URL segment that cannot leave the output folder',
  severity: 'error',
  fatal: true,
  messages: {
    'duplicate-url': 'another linted article is written to the same URL',
    'unsafe-slug': 'a slug or file name that would put the page outside its folder',
    'invalid-slug': 'a slug that is not lower-case letters, digits and hyphens',
    'long-slug': 'a slug or file name longer than a folder name can be, so the page could not be written',
    'invalid-alias': 'an alias (old URL) where no redirect page can be written',
    'alias-clash': 'an alias (old URL) at a page of the site or at another alias',
  },
  check(context) {
    checkSlug(context);
    checkDuplicates(context);
    checkAliases(context);
  },
};

function checkSlug({ article, report }: RuleContext): void {
  const slug = article.data.slug;
  const at = article.frontMatter?.places.slug?.value ?? { line: 1, column: 1 };
  if (slug === undefined || slug === null) {
    const segments = articleOutputPath(article.relPath).split('/');
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || /[\\\0-\x1f]/.test(segment))) {
      report({ messageId: 'unsafe-slug', message: `File name ${article.relPath} gives no usable page name: rename the file or add a slug such as 'slug: back-pain'`, line: 1, column: 1 });
    } else if (segments.some((segment) => Buffer.byteLength(segment) > MAX_PAGE_NAME)) {
      report({ messageId: 'long-slug', message: `File name ${article.relPath} is too long for a page name (at most ${MAX_PAGE_NAME} bytes): rename the file or add a shorter slug`, line: 1, column: 1 });
    }
    return;
  }
  if (typeof slug === 'string' && SLUG_PATTERN.test(slug)) {
    if (slug.length > MAX_PAGE_NAME) {
      report({ messageId: 'long-slug', message: `Slug is ${slug.length} characters long, more than a page name can be (${MAX_PAGE_NAME}): shorten it to a few words`, line: at.line, column: at.column });
    }
    return;
  }
  if (typeof slug === 'object') {
    // The page would silently take the file name instead; and the slug's text would read "[object Object]".
    report({ messageId: 'invalid-slug', message: `Slug is a ${Array.isArray(slug) ? 'list' : 'map'}, not text: write one URL segment, such as 'slug: back-pain'`, line: at.line, column: at.column });
    return;
  }
  const text = String(slug);
  const suggestion = suggestSlug(text);
  const example = suggestion ? `such as '${suggestion}'` : "such as 'back-pain'";
  if (typeof slug === 'number' || typeof slug === 'boolean') {
    // YAML reads `slug: 2024` as a number, which the URL would silently ignore.
    report({
      messageId: 'invalid-slug',
      message: `Slug ${text} is read as a ${typeof slug}, not text: quote it (slug: "${text}")`,
      line: at.line,
      column: at.column,
    });
  } else if (typeof slug === 'string' && /\.\.|[/\\\0]/.test(slug)) {
    report({
      messageId: 'unsafe-slug',
      message: `Slug '${text}' would put the page outside its folder: use lower-case letters, digits and hyphens only, ${example}`,
      line: at.line,
      column: at.column,
    });
  } else {
    report({
      messageId: 'invalid-slug',
      message: `Slug '${text}' is not a plain URL segment: use lower-case letters, digits and hyphens, ${example}`,
      line: at.line,
      column: at.column,
    });
  }
}

function checkDuplicates({ article, config, project, report }: RuleContext): void {
  const key = urlKey(article);
  const others = (byUrl(project.articles).get(key) ?? []).filter((other) => other.path !== article.path);
  if (others.length === 0) return;
  const at = article.frontMatter?.places.slug?.key ?? { line: 1, column: 1 };
  const names = others.map((other) => relativePath(config.root, other.path));
  const url = articleUrl(article.relPath, article.data.slug);
  report({
    messageId: 'duplicate-url',
    message: `Output URL ${url} is also produced by ${list(names)}: give one of them a different slug`,
    line: at.line,
    column: at.column,
  });
}

/**
 * Aliases the build cannot write a redirect page for. Not fatal: the build leaves that redirect
 * out and the page it would have covered is still written.
 */
function checkAliases({ article, config, project, report }: RuleContext): void {
  for (const problem of articleAliases(article).problems) {
    report({ messageId: 'invalid-alias', message: `Alias '${problem.text}' ${problem.reason}`, ...problem.place, fatal: false });
  }
  for (const clash of aliasClashes(project.articles, config.pageSize).get(article) ?? []) {
    report({
      messageId: 'alias-clash',
      message: `Alias '${clash.alias.text}' is at the same URL as ${clash.with}, so no redirect page is written there: remove the alias or change it`,
      ...clash.alias.place,
      fatal: false,
    });
  }
}

/** The linted articles by output URL, built once per lint run. Unparseable files are left out: they are never built. */
function byUrl(articles: readonly Article[]): Map<string, Article[]> {
  let map = byUrlCache.get(articles);
  if (!map) {
    map = new Map();
    for (const article of articles) {
      if (article.problem) continue;
      const key = urlKey(article);
      const group = map.get(key);
      if (group) group.push(article);
      else map.set(key, [article]);
    }
    byUrlCache.set(articles, map);
  }
  return map;
}

/** Case-insensitive, because macOS and Windows file systems would write both pages to one folder (the path is NFC already). */
function urlKey(article: Article): string {
  return articleOutputPath(article.relPath, article.data.slug).toLowerCase();
}

function suggestSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function list(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

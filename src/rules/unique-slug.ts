import { articleAliases } from '../core/aliases.js';
import type { Article } from '../core/article.js';
import { relativePath } from '../core/relative-path.js';
import { SLUG_PATTERN, slugify } from '../core/slug.js';
import { articleOutputPath, articleUrl } from '../core/url.js';
import { aliasClashes } from '../render/redirect-pages.js';
import { defineRule, type RuleContext } from './types.js';

/** Bytes in a page's folder name: most file systems allow 255; room is left for a build's own suffixes. */
const MAX_PAGE_NAME = 200;

const byUrlCache = new WeakMap<readonly Article[], Map<string, Article[]>>();

/**
 * No two articles are written to the same page, and no slug can lead out of the output folder
 * (both fatal); a slug the build cannot use is an error that names where the page goes instead.
 */
export const uniqueSlug = defineRule({
  id: 'unique-slug',
  description: 'No two articles share an output URL (compared case-insensitively, after Unicode NFC normalisation); a slug is a plain lower-case URL segment that cannot leave the output folder',
  severity: 'error',
  fatal: true,
  messages: {
    'duplicate-url': 'Output URL {{url}} is also produced by {{others}}: give one of them a different slug',
    'unsafe-slug': '{{subject}} {{problem}}: {{advice}}',
    'invalid-slug': '{{subject}} {{problem}}: {{advice}}',
    'long-slug': '{{subject}} {{problem}}: {{advice}}',
    'invalid-alias': "Alias '{{alias}}' {{reason}}",
    'alias-clash': "Alias '{{alias}}' is at the same URL as {{other}}, so no redirect page is written there: remove the alias or change it",
  },
  check(context) {
    checkSlug(context);
    checkDuplicates(context);
    checkAliases(context);
  },
});

type Context = RuleContext<keyof typeof uniqueSlug.messages>;

function checkSlug({ article, report }: Context): void {
  const slug = article.data.slug;
  const at = { value: 'slug' };
  if (slug === undefined || slug === null) {
    const segments = articleOutputPath(article.relPath).split('/');
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || /[\\\0-\x1f]/.test(segment))) {
      report({ messageId: 'unsafe-slug', data: { subject: `File name ${article.relPath}`, problem: 'gives no usable page name', advice: "rename the file or add a slug such as 'slug: back-pain'" }, at: 'file' });
    } else if (segments.some((segment) => Buffer.byteLength(segment) > MAX_PAGE_NAME)) {
      const problem = `is too long for a page name (at most ${MAX_PAGE_NAME} bytes)`;
      report({ messageId: 'long-slug', data: { subject: `File name ${article.relPath}`, problem, advice: 'rename the file or add a shorter slug' }, at: 'file' });
    }
    return;
  }
  if (typeof slug === 'string' && SLUG_PATTERN.test(slug)) {
    if (slug.length > MAX_PAGE_NAME) {
      const problem = `is ${slug.length} characters long, more than a page name can be (${MAX_PAGE_NAME})`;
      report({ messageId: 'long-slug', data: { subject: 'Slug', problem, advice: 'shorten it to a few words' }, at });
    }
    return;
  }
  // A slug the build cannot use is ignored: the page takes its file name, which this says. No page
  // goes astray (duplicate URLs are judged on that name), so it does not stop build --skip-lint.
  const instead = `, so the page is published at its file name (/${articleUrl(article.relPath)})`;
  const invalid = (subject: string, problem: string, advice: string) =>
    report({ messageId: 'invalid-slug', data: { subject, problem: problem + instead, advice }, at, fatal: false });
  if (typeof slug === 'object') {
    // The slug's text would read "[object Object]".
    invalid('Slug', `is a ${Array.isArray(slug) ? 'list' : 'map'}, not text`, "write one URL segment, such as 'slug: back-pain'");
    return;
  }
  const text = String(slug);
  const suggestion = slugify(text);
  const example = suggestion ? `such as '${suggestion}'` : "such as 'back-pain'";
  if (typeof slug === 'number' || typeof slug === 'boolean') {
    // YAML reads `slug: 2024` as a number.
    invalid(`Slug ${text}`, `is read as a ${typeof slug}, not text`, `quote it (slug: "${text}")`);
  } else if (typeof slug === 'string' && /\.\.|[/\\\0]/.test(slug)) {
    const advice = `use lower-case letters, digits and hyphens only, ${example}`;
    report({ messageId: 'unsafe-slug', data: { subject: `Slug '${text}'`, problem: 'would put the page outside its folder', advice }, at });
  } else {
    invalid(`Slug '${text}'`, 'is not a plain URL segment', `use lower-case letters, digits and hyphens, ${example}`);
  }
}

function checkDuplicates({ article, config, project, report }: Context): void {
  const key = urlKey(article);
  const others = (byUrl(project.articles).get(key) ?? []).filter((other) => other.path !== article.path);
  if (others.length === 0) return;
  const names = others.map((other) => relativePath(config.root, other.path));
  const url = articleUrl(article.relPath, article.data.slug);
  report({ messageId: 'duplicate-url', data: { url, others: list(names) }, at: { key: 'slug' } });
}

/**
 * Aliases the build cannot write a redirect page for. Not fatal: the build leaves that redirect
 * out and still writes the real page.
 */
function checkAliases({ article, config, project, report }: Context): void {
  const own = articleAliases(article);
  for (const problem of own.problems) {
    report({ messageId: 'invalid-alias', data: { alias: problem.text, reason: problem.reason }, at: { place: problem.place }, fatal: false });
  }
  for (const clash of aliasClashes(project.articles, config.pageSize).get(article.path) ?? []) {
    // The place from this file's own front matter: the project's list may hold other articles' without places.
    const place = own.aliases[clash.position]?.place ?? clash.alias.place;
    report({ messageId: 'alias-clash', data: { alias: clash.alias.text, other: clash.with }, at: { place }, fatal: false });
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

function list(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

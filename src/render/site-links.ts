import { articleAliases } from '../core/aliases.js';
import { pathOrder } from '../core/discover.js';
import type { Article } from '../core/article.js';
import { publishedDate, stringList, articleTags } from '../core/article-info.js';
import type { Config } from '../core/config.js';
import { expandPermalink, type PlaceholderValues } from '../core/permalinks.js';
import { articleOutputPath, articleUrl } from '../core/url.js';
import { closestMatch } from '../core/closest-match.js';
import type { SitePath } from './links.js';
import { indexPath } from './pages.js';
import { STYLESHEET } from './theme.js';
import { tagPath } from './tag-path.js';
import { tagSlug } from '../core/slug.js';
import { percentDecoded } from '../core/url-safety.js';
import { withoutMarkdownExtension } from '../core/markdown-file.js';

/** What a site-root link (`/are-my-children-eligible-for-chip`) leads to. */
export type SiteLink =
  /** A page of the site; `suffix` is the `?query#fragment` as written ('' when none). */
  | { kind: 'page'; sitePath: SitePath; article?: Article; suffix: string }
  /** The old URL of more than one article: which one was meant cannot be told. */
  | { kind: 'ambiguous'; sitePaths: SitePath[] }
  /**
   * Nothing of the site is there; `suggestion` is a page whose URL is close, looked for when read
   * (the renderer never reads it, and a site's broken links are often one link on many pages).
   */
  | { kind: 'unresolved'; readonly suggestion: SiteLinkTarget | undefined };

/** Resolves site-root link paths against one site. */
export interface SiteLinks {
  resolve(href: string): SiteLink;
}

/** A page a site-root link can lead to: an article's (with the article), or another of the site's. */
export interface SiteLinkTarget {
  sitePath: SitePath;
  article?: Article;
}
type Target = SiteLinkTarget;

export interface SiteLinksOptions {
  /** The base URL's path (`/health/`): a link written with it included is read without it. */
  basePath?: string;
  /** Whether the site has feed.xml and sitemap.xml (export leaves them out). */
  feeds?: boolean;
}

interface Index {
  /** The site's own URLs (pages healthmd writes), by key. */
  own: Map<string, Target>;
  /** Old URLs (permalink patterns, front-matter permalink, url, aliases, redirect_from), by key. */
  old: Map<string, Target[]>;
  /** Last URL segment of each article page → its target, for did-you-mean. */
  names: Map<string, Target>;
  /** Did-you-mean answers by the key asked about, each looked for once. */
  suggestions: Map<string, Target | undefined>;
  /** The keys of `own` and `old` a link may be near (all but the home page's), made on the first did-you-mean. */
  near?: string[];
  /** The keys of `names`, made on the first did-you-mean that needs them. */
  nameKeys?: string[];
}

/**
 * The one place that decides where a site-root link leads, for lint (internal-links) and for
 * the renderer alike, so a page links exactly what lint passed. `articles` are the site's
 * articles (what build publishes; lint passes what it sees). The index is built on the first
 * site-root link, so projects without any pay nothing.
 */
export function siteLinks(articles: readonly Article[], config: Config, options: SiteLinksOptions = {}): SiteLinks {
  let index: Index | undefined;
  const base = key(options.basePath ?? '/');
  return {
    resolve(href) {
      const built = (index ??= buildIndex(articles, config, options.feeds ?? true));
      const cut = href.search(/[?#]/);
      const suffix = cut === -1 ? '' : href.slice(cut);
      const wanted = key(cut === -1 ? href : href.slice(0, cut));
      const candidates = base && (wanted === base || wanted.startsWith(`${base}/`)) ? [wanted, wanted.slice(base.length + 1)] : [wanted];
      for (const candidate of candidates) {
        const own = built.own.get(candidate);
        if (own) return { kind: 'page', ...own, suffix };
        const old = built.old.get(candidate);
        if (!old) continue;
        const sitePaths = [...new Set(old.map((t) => t.sitePath))];
        const only = sitePaths.length === 1 ? old[0] : sectionPageOf(old);
        if (!only) return { kind: 'ambiguous', sitePaths };
        return { kind: 'page', ...only, suffix };
      }
      const near = candidates.at(-1) ?? wanted;
      return {
        kind: 'unresolved',
        get suggestion() {
          return suggest(built, near);
        },
      };
    },
  };
}

/**
 * Of several articles an old URL fits, the one section page (Hugo's `_index.md`), if there is
 * one: Hugo gives a section page and the pages in it their own patterns (`/:sections/` and
 * `/:sections/:filename/`), and a list of patterns here applies each to every article, so
 * `/guide/` fits the section and every page in it; on the old site it was the section's.
 */
function sectionPageOf(targets: readonly Target[]): Target | undefined {
  const sections = targets.filter((t) => t.article && withoutMarkdownExtension(t.article.relPath.split('/').pop() ?? '').toLowerCase() === '_index');
  return sections.length === 1 ? sections[0] : undefined;
}

/**
 * How URL paths are compared: percent-decoded, case-folded (unique-slug already refuses two
 * pages that differ only in case), without the leading and trailing slash, and with
 * `index.html` or `.html` dropped, since a server answers `/x`, `/x/`, `/x.html` and
 * `/x/index.html` with the same page.
 */
function key(urlPath: string): string {
  let text = urlPath.trim().replace(/\\/g, '/');
  // A broken escape is compared as written: it simply matches nothing.
  text = percentDecoded(text) ?? text;
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/(^|\/)index\.html?$/, '')
    .replace(/\.html?$/, '')
    .replace(/^\/+|\/+$/g, '');
}

function buildIndex(articles: readonly Article[], config: Config, feeds: boolean): Index {
  const own = new Map<string, Target>();
  const old = new Map<string, Target[]>();
  const names = new Map<string, Target>();
  const addOwn = (sitePath: SitePath, article?: Article) => {
    const k = key(sitePath);
    if (!own.has(k)) own.set(k, { sitePath, article });
  };
  const addOld = (urlPath: string, target: Target) => {
    const k = key(urlPath);
    const list = old.get(k);
    if (!list) old.set(k, [target]);
    else if (!list.some((t) => t.sitePath === target.sitePath)) list.push(target);
  };

  // In path order, so that the page a tie goes to (a did-you-mean, the first of one name) is the same
  // however the project was handed over: one thread or several, a shard or all of it.
  const published = articles.filter((a) => !a.problem).sort(pathOrder);
  for (const path of ['', STYLESHEET, ...(feeds ? ['feed.xml', 'sitemap.xml'] : [])]) addOwn(path);
  for (let page = 2; page <= Math.ceil(published.length / config.pageSize); page++) addOwn(indexPath(page));
  for (const article of published) {
    const target: Target = { sitePath: articleUrl(article.relPath, article.data.slug), article };
    addOwn(target.sitePath, article);
    const name = key(target.sitePath).split('/').pop() ?? '';
    if (!names.has(name)) names.set(name, target);
    for (const tag of articleTags(article)) {
      const slug = tagSlug(tag);
      if (slug) addOwn(tagPath(slug));
    }
    const values = placeholderValues(article);
    for (const pattern of config.permalinks) {
      for (const urlPath of expandPermalink(pattern, values)) addOld(urlPath, target);
    }
    const { permalink, url } = article.data;
    if (typeof permalink === 'string') for (const urlPath of expandPermalink(permalink, values)) addOld(urlPath, target);
    if (typeof url === 'string') addOld(url, target);
    for (const alias of articleAliases(article).aliases) addOld(alias.text, target);
  }
  return { own, old, names, suggestions: new Map() };
}

/** What each permalink placeholder is for this article, as Jekyll and as Hugo would fill it in. */
function placeholderValues(article: Article): PlaceholderValues {
  const data = article.data;
  const parts = article.relPath.split('/');
  let fileName = withoutMarkdownExtension(parts.pop() ?? '');
  // A Hugo leaf bundle (`kardiologie/index.md`) is named by its folder, which is not a section.
  if (fileName.toLowerCase() === 'index' && parts.length > 0) fileName = parts.pop()!;
  const folders = parts;
  // The file name without a Jekyll date prefix: Jekyll's :title.
  const fileTitle = articleOutputPath(fileName);
  const slug = typeof data.slug === 'string' && data.slug.trim() ? [data.slug.trim()] : [];
  const title = typeof data.title === 'string' ? data.title : '';
  const fromTitle = title ? [jekyllSlug(title), tagSlug(title) ?? ''].filter(Boolean) : [];
  const date = publishedDate(article);
  const [year, month, day] = date ? date.split('-') : [];
  const categories = [...stringList(article, 'categories').flatMap((c) => c.split(/\s+/)), ...stringList(article, 'category')];
  const unique = (values: string[]) => [...new Set(values.filter(Boolean))];
  return {
    ...(date && {
      year: [year],
      short_year: [year.slice(2)],
      month: [month],
      i_month: [String(Number(month))],
      day: [day],
      i_day: [String(Number(day))],
    }),
    title: unique([...slug, fileTitle, ...fromTitle]),
    slug: unique([...slug, fileTitle, ...fromTitle]),
    name: [fileName],
    filename: [fileName],
    contentbasename: [fileName],
    slugorfilename: unique([...slug, fileName]),
    categories: categories.length ? [categories.join('/'), categories.map((c) => jekyllSlug(c)).join('/')] : [],
    section: folders.length ? [folders[0]] : [],
    sections: folders.length ? [folders.join('/')] : [],
    output_ext: ['.html'],
  };
}

/** Jekyll's default slugify: every run of characters other than letters and digits becomes one hyphen. */
function jekyllSlug(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** A page whose URL is close to `wanted`: the whole path, else its last segment against the articles' names. */
function suggest(index: Index, wanted: string): Target | undefined {
  if (index.suggestions.has(wanted)) return index.suggestions.get(wanted);
  index.near ??= [...index.own.keys(), ...index.old.keys()].filter((k) => k !== '');
  const near = closestMatch(wanted, index.near);
  let found: Target | undefined;
  if (near !== undefined) found = index.own.get(near) ?? index.old.get(near)?.[0];
  else {
    const last = wanted.split('/').pop() ?? '';
    const name = last ? closestMatch(last, (index.nameKeys ??= [...index.names.keys()])) : undefined;
    found = name === undefined ? undefined : index.names.get(name);
  }
  index.suggestions.set(wanted, found);
  return found;
}

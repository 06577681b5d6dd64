import pkg from '../../package.json' with { type: 'json' };
import { articleAliases } from '../core/aliases.js';
import type { Article } from '../core/article.js';
import type { Config } from '../core/config.js';
import { formatDate, type CalendarDate } from '../core/dates.js';
import { pageStrings, type PageStrings } from '../core/strings.js';
import { renderArticleHtml } from './article-html.js';
import { sha256 } from '../cache/cache-file.js';
import { leadsIntoSite, resolveArticleUrl, type UrlTarget } from './article-urls.js';
import { renderAtomFeed } from './feed.js';
import { medicalWebPage, serializeJsonLd } from './json-ld.js';
import { absoluteUrl, createLinkResolver, type LinkResolver, type LinkStyle, type SitePath } from './links.js';
import { articleContext, indexContext, tagContext, type PageBasics } from './page-context.js';
import { eachPage, indexPath, listPages, pageCount, type PageRef } from './pages.js';
import type { UrlUse } from './sanitize-raw-html.js';
import { aliasClashes, renderRedirectPage } from './redirect-pages.js';
import { siteLinks, type SiteLinks } from './site-links.js';
import { buildSiteModel, type SiteEntry, type SiteModel } from './site-model.js';
import { renderSitemaps, type SitemapUrl } from './sitemap.js';
import { TemplateEngine } from './template-engine.js';
import type { Theme } from './theme.js';

export interface SiteRenderOptions {
  config: Config;
  /** Absolute base URL ending in `/` (site.baseUrl or --base-url). */
  baseUrl: string;
  theme: Theme;
  /** `server` for a web server (build, serve); `relative` for files opened from disk (export). */
  linkStyle: LinkStyle;
  /** True when an absolute path is a regular file inside the project: images are copied only then. */
  isProjectFile(file: string): boolean;
  /** The build's day (HEALTHMD_NOW pins it): the feed's time when nothing in it has a date. */
  now: CalendarDate;
  /** Write feed.xml and sitemap.xml (default true). */
  feeds?: boolean;
  /** HTML added before `</body>` of every page (serve's overlay). Build never sets it. */
  beforeBodyEnd?: (page: PageRef) => string;
  /** How a template file is named in error messages (default: its absolute path). */
  describeFile?: (file: string) => string;
  /** Replaces linkStyle's resolver: export's single files name pages `x.html`, not `x/index.html`. */
  link?: LinkResolver;
  /**
   * The src an image on a page gets (export: a data: URI, or nothing for an image from another
   * site), from the src it would get (`href`) and, for a file of the project, its `source`.
   * Undefined leaves the image out, keeping its alt text. Default: `href`.
   */
  imageSrc?: (image: { href: string; source?: string }) => string | undefined;
  /**
   * The whole article of an entry, when entries hold only front matter (build streams its articles
   * and reads each again for its page). Default: the entry's own article.
   */
  fullArticle?: (entry: SiteEntry) => Article;
  /**
   * The digest of an article's file (build's cache has it). With it every page carries the inputs
   * it was made from (`PageInputs`), and `previous` can spare rendering it again.
   */
  articleDigest?: (entry: SiteEntry) => string;
  /** What the page at an output path was made from by an earlier build whose file is still there as written; a page made from the same is not rendered again. */
  previous?: (file: string) => PageInputs | undefined;
}

/**
 * What a page was made from: a digest of what it shows (see `inputsOf`), and for an article page
 * the URLs into the site its body refers to, with what each resolved to. The templates, config and
 * healthmd itself are the caller's to compare.
 */
export interface PageInputs {
  key: string;
  links: PageLink[];
}

/** A URL an article's body refers to, how it is used, and the href or src it got (undefined: left unlinked). */
export type PageLink = [url: string, use: UrlUse, href: string | undefined];

/**
 * A file of the site: rendered text (with what it was made from, when it can be cached), a file
 * copied as it is (stylesheet, images), or a page that would come out as the earlier build's file.
 * `page` says which kind of page a page is (a redirect page, the feed and sitemaps have none).
 */
export type OutputItem =
  | { path: string; page?: PageRef['kind']; content: string; inputs?: PageInputs }
  | { path: string; copyFrom: string }
  | { path: string; page: PageRef['kind']; unchanged: PageInputs };

const LATEST_POSTS = 5;
const TEMPLATES = ['layout', 'article', 'index', 'tag'];

/**
 * Renders a site in memory: `output()` yields every file (path → text, or a file to copy) one at a
 * time, so a caller can write them as they come (build) or collect them (export, tests). Pure
 * apart from `isProjectFile`: it reads no files and knows nothing of where the output goes.
 */
export class SiteRenderer {
  readonly model: SiteModel;
  private readonly engine: TemplateEngine;
  private readonly basics: PageBasics;
  /** Files pages refer to, by site path; filled while pages render. */
  private readonly copies = new Map<SitePath, string>();
  private readonly siteLinks: SiteLinks;
  /** summaryDigest's memo. */
  private readonly summaries = new Map<SiteEntry, string>();

  /** `site`: the articles, or their site model made already (build makes it one article at a time). */
  constructor(
    site: readonly Article[] | SiteModel,
    private readonly options: SiteRenderOptions,
  ) {
    this.model = Array.isArray(site) ? buildSiteModel(site, options.config) : (site as SiteModel);
    this.engine = new TemplateEngine(options.theme, options.describeFile);
    this.engine.check(TEMPLATES);
    this.siteLinks = siteLinks(
      this.model.entries.map((entry) => entry.article),
      options.config,
      { basePath: new URL(options.baseUrl).pathname, feeds: options.feeds ?? true },
    );
    this.basics = {
      config: options.config,
      link: options.link ?? createLinkResolver(options.linkStyle, options.baseUrl),
      absolute: (target) => absoluteUrl(options.baseUrl, target),
      feeds: options.feeds ?? true,
      dateText: memoize((date: CalendarDate | undefined, lang: string) => (date ? formatDate(date, lang, options.config.site.dateFormat) : undefined)),
      listText: listFormatter(),
      strings: stringsFor(options.config),
    };
  }

  /** Every output file: theme assets, pages (each followed by the images it uses), feed and sitemap. */
  *output(): Generator<OutputItem> {
    for (const [path, source] of this.options.theme.assets) yield { path, copyFrom: source };
    const copied = new Set<SitePath>(this.options.theme.assets.keys());
    for (const page of eachPage(this.model)) {
      yield this.pageItem(page);
      for (const [path, source] of this.copies) {
        if (copied.has(path)) continue;
        copied.add(path);
        yield { path, copyFrom: source };
      }
    }
    yield* this.redirectPages();
    if (this.basics.feeds) {
      yield { path: 'feed.xml', content: this.feed() };
      for (const [path, content] of renderSitemaps(this.sitemapUrls(), this.basics.absolute)) yield { path, content };
    }
  }

  /** Every page, as a list made on each call (output() makes them one at a time, so a large build holds none). */
  listPages(): PageRef[] {
    return listPages(this.model);
  }

  get pageCount(): number {
    return pageCount(this.model);
  }

  /** Images the pages rendered so far refer to, by site path → source file (serve answers requests for them). */
  get media(): ReadonlyMap<SitePath, string> {
    return this.copies;
  }

  renderPage(page: PageRef): string {
    return this.render(page);
  }

  /** A page's output item: rendered, or `unchanged` when `previous` says it was made from the same inputs. */
  private pageItem(page: PageRef): OutputItem {
    const inputs = this.inputsOf(page);
    const previous = inputs && this.options.previous?.(page.file);
    const item = { path: page.file, page: page.kind };
    if (previous && previous.key === inputs.key && this.sameLinks(page, previous.links)) return { ...item, unchanged: previous };
    const content = this.render(page, inputs?.links);
    return inputs ? { ...item, content, inputs } : { ...item, content };
  }

  /** A page's HTML; `links` gets the URLs an article's body refers to that lead into the site, and where each led. */
  private render(page: PageRef, links?: PageLink[]): string {
    let html: string;
    switch (page.kind) {
      case 'article':
        html = this.engine.render('article', this.articleContext(page, links));
        break;
      case 'index': {
        const count = this.model.indexPages.length;
        const previous = page.number > 1 ? indexPath(page.number - 1) : undefined;
        const next = page.number < count ? indexPath(page.number + 1) : undefined;
        html = this.engine.render('index', indexContext(page, this.basics, count, previous, next));
        break;
      }
      case 'tag':
        html = this.engine.render('tag', tagContext(page, this.basics));
        break;
    }
    const extra = this.options.beforeBodyEnd?.(page);
    if (!extra) return html;
    const at = html.toLowerCase().lastIndexOf('</body>');
    return at === -1 ? html + extra : html.slice(0, at) + extra + html.slice(at);
  }

  /**
   * What a page is made from, when that can be told (build's cache gives the articles' digests):
   * the same inputs make the same page, given the same templates and config. An article page is
   * its article's file (its front matter and body), its path, the latest posts and translations it
   * lists and its image; a list page is its posts. Links in a body are added as it renders.
   */
  private inputsOf(page: PageRef): PageInputs | undefined {
    const digest = this.options.articleDigest;
    if (!digest || this.options.beforeBodyEnd) return undefined;
    let parts: unknown[];
    switch (page.kind) {
      case 'article': {
        const { entry } = page;
        const translations = entry.translations.map((other) => [other.lang, other.sitePath]);
        parts = [page.kind, entry.article.relPath, digest(entry), this.latest(entry).map((other) => this.summaryDigest(other)), translations, this.image(entry, page.file) ?? null];
        break;
      }
      case 'index':
        parts = [page.kind, page.number, this.model.indexPages.length, page.entries.map((entry) => this.summaryDigest(entry))];
        break;
      case 'tag':
        parts = [page.kind, page.tag.name, page.tag.slug, page.tag.entries.map((entry) => this.summaryDigest(entry))];
        break;
    }
    return { key: sha256(JSON.stringify(parts)), links: [] };
  }

  /** A digest of what a list shows of an entry (postSummary), worked out once per entry. */
  private summaryDigest(entry: SiteEntry): string {
    let digest = this.summaries.get(entry);
    if (digest === undefined) {
      const tags = entry.tags.map((tag) => [tag.name, tag.sitePath]);
      digest = sha256(JSON.stringify([entry.title, entry.sitePath, entry.date, entry.description, entry.excerptText, entry.excerptCut, entry.draft, tags]));
      this.summaries.set(entry, digest);
    }
    return digest;
  }

  /** True when every URL the earlier page's body referred to resolves as it did then (and the images it used are copied again). */
  private sameLinks(page: PageRef, links: readonly PageLink[]): boolean {
    if (page.kind !== 'article') return links.length === 0;
    return links.every(([url, use, href]) => this.href(page.entry, url, use, page.file) === href);
  }

  /** The latest posts an article page lists: the newest, itself left out. */
  private latest(entry: SiteEntry): SiteEntry[] {
    const latest: SiteEntry[] = [];
    for (const other of this.model.entries) {
      if (latest.length === LATEST_POSTS) break;
      if (other !== entry) latest.push(other);
    }
    return latest;
  }

  private articleContext(page: PageRef & { kind: 'article' }, links?: PageLink[]) {
    const { entry } = page;
    const html = this.articleHtml(page, links);
    const image = this.image(entry, page.file);
    const url = this.basics.absolute(entry.sitePath);
    const jsonLd = serializeJsonLd(
      medicalWebPage({
        url,
        headline: entry.title,
        description: entry.description,
        inLanguage: entry.lang,
        datePublished: entry.date,
        dateModified: entry.updated,
        lastReviewed: entry.lastReviewed,
        reviewedBy: entry.reviewedBy,
        authors: entry.authors,
        condition: entry.condition,
        image: image?.absolute,
        publisher: this.options.config.site.title,
      }),
    );
    return articleContext(page, this.basics, { html, image, latest: this.latest(entry), jsonLd });
  }

  /** The article's body as HTML; `links` gets every URL it refers to and what that resolved to. */
  private articleHtml(page: PageRef & { kind: 'article' }, links?: PageLink[]) {
    const { entry } = page;
    const found: PageLink[] = [];
    const href = (url: string, use: UrlUse) => {
      const resolved = this.href(entry, url, use, page.file);
      // A web address, an inline image or a fragment leads where it says whatever the site holds.
      if (links && leadsIntoSite(url, use)) found.push([url, use, resolved]);
      return resolved;
    };
    const html = renderArticleHtml(this.options.fullArticle?.(entry) ?? entry.article, { html: this.options.config.html, url: href, strings: this.basics.strings(entry.lang) });
    // Copies: the URLs are slices of the article's text, which would stay in memory with them.
    if (found.length) links?.push(...structuredClone(found));
    return html;
  }

  private image(entry: SiteEntry, from: string) {
    const value = entry.article.data.image;
    if (typeof value !== 'string' || !value.trim()) return undefined;
    const target = this.target(entry, value.trim(), 'image');
    if (!target) return undefined;
    const alt = typeof entry.article.data.imageAlt === 'string' ? entry.article.data.imageAlt : '';
    const href = this.imageSrc(target.kind === 'as-is' ? target.href : this.basics.link(from, target.sitePath), target);
    if (href === undefined) return undefined;
    return { href, absolute: target.kind === 'as-is' ? target.href : this.basics.absolute(target.sitePath), alt };
  }

  private href(entry: SiteEntry, url: string, use: UrlUse, from: string): string | undefined {
    const target = this.target(entry, url, use);
    if (!target) return undefined;
    const href = target.kind === 'as-is' ? target.href : this.basics.link(from, target.sitePath) + target.fragment;
    return use === 'image' ? this.imageSrc(href, target) : href;
  }

  private imageSrc(href: string, target: UrlTarget): string | undefined {
    if (!this.options.imageSrc) return href;
    return this.options.imageSrc({ href, source: target.kind === 'site' ? target.source : undefined });
  }

  private target(entry: SiteEntry, url: string, use: UrlUse): UrlTarget | undefined {
    const target = resolveArticleUrl(url, use, entry.article.path, {
      root: this.options.config.root,
      articleAt: (file) => this.model.byPath.get(file)?.sitePath,
      isProjectFile: this.options.isProjectFile,
      siteLinks: this.siteLinks,
      unresolvedSiteLink: this.options.linkStyle === 'server' ? 'keep' : 'drop',
    });
    if (target?.kind === 'site' && target.source) this.copies.set(target.sitePath, target.source);
    return target;
  }

  /** A redirect page at each alias of each article, except where a page or an earlier alias is (unique-slug says so). */
  private *redirectPages(): Generator<OutputItem> {
    const articles = this.model.entries.map((entry) => entry.article);
    const clashes = aliasClashes(articles, this.options.config.pageSize);
    for (const entry of this.model.entries) {
      const blocked = new Set((clashes.get(entry.article.path) ?? []).map((clash) => clash.position));
      for (const [position, alias] of articleAliases(entry.article).aliases.entries()) {
        if (blocked.has(position)) continue;
        const content = renderRedirectPage({
          lang: entry.lang,
          canonical: this.basics.absolute(entry.sitePath),
          href: this.basics.link(alias.file, entry.sitePath),
          title: entry.title,
          moved: this.basics.strings(entry.lang).moved,
        });
        yield { path: alias.file, content };
      }
    }
  }

  private feed(): string {
    const { config } = this.options;
    return renderAtomFeed({
      title: config.site.title,
      description: config.site.description,
      language: config.site.language,
      homeUrl: this.basics.absolute(''),
      feedUrl: this.basics.absolute('feed.xml'),
      generatorVersion: pkg.version,
      entries: this.model.entries,
      now: this.options.now,
      urlOf: (entry) => this.basics.absolute(entry.sitePath),
    });
  }

  /** The sitemap's URLs, one page at a time. */
  private *sitemapUrls(): Generator<SitemapUrl> {
    const lastmod = (entry: SiteEntry | undefined) =>
      entry ? [entry.date, entry.updated, entry.lastReviewed].filter((d): d is string => Boolean(d)).sort().at(-1) : undefined;
    for (const page of eachPage(this.model)) {
      // A draft page asks search engines not to index it (noindex), so the sitemap does not offer it.
      if (page.kind === 'article' && page.entry.draft) continue;
      const newest = page.kind === 'article' ? page.entry : page.kind === 'index' ? page.entries[0] : page.tag.entries[0];
      yield { loc: this.basics.absolute(page.sitePath), lastmod: lastmod(newest) };
    }
  }
}

/** The strings of each language, worked out once per language. */
function stringsFor(config: Config): (lang: string) => PageStrings {
  const cache = new Map<string, PageStrings>();
  return (lang) => {
    let strings = cache.get(lang);
    if (!strings) cache.set(lang, (strings = pageStrings(lang, config.strings)));
    return strings;
  };
}

/** Caches a two-argument function of strings: the same few dates are shown on thousands of pages. */
function memoize<A extends string | undefined, R>(fn: (a: A, b: string) => R): (a: A, b: string) => R {
  const cache = new Map<string, R>();
  return (a, b) => {
    const key = `${a}\u0000${b}`;
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = fn(a, b);
      cache.set(key, value);
    }
    return value as R;
  };
}

function listFormatter(): (items: readonly string[], lang: string) => string {
  const formats = new Map<string, Intl.ListFormat>();
  return (items, lang) => {
    if (items.length === 0) return '';
    let format = formats.get(lang);
    if (!format) formats.set(lang, (format = new Intl.ListFormat(lang, { type: 'conjunction' })));
    return format.format(items);
  };
}

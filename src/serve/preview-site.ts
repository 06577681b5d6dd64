import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Article } from '../core/article.js';
import { expiryDate, unpublishedReason, type Unpublished } from '../core/publication.js';
import { publishedDate } from '../core/article-info.js';
import { projectPath, type Config } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import { HealthmdError } from '../core/errors.js';
import { articleUrl } from '../core/url.js';
import { encodeSitePath, type SitePath } from '../render/links.js';
import type { PageRef } from '../render/pages.js';
import type { SiteEntry, SiteModel } from '../render/site-model.js';
import { SiteRenderer } from '../render/site-renderer.js';
import type { Theme } from '../render/theme.js';
import { loadTheme } from '../site/load-theme.js';
import { errorFinding, lintFindings } from './findings.js';
import { LintCache } from './lint-cache.js';
import { isChanged, localTargets } from './lint-scope.js';
import { renderOverlay, type OverlayFinding } from './overlay.js';
import { MovedPages } from './moved-pages.js';
import { PageCache } from './page-cache.js';
import { ProjectArticles } from './project-articles.js';
import { projectFileCheck } from '../core/project-file.js';
import { renderStandalonePage } from './standalone-page.js';
import { relativePath } from '../core/relative-path.js';

export interface PreviewSiteOptions {
  config: Config;
  /** Working directory: files are named relative to it. */
  cwd: string;
  /** Today, for the review rules. */
  now: CalendarDate;
  /** Show drafts (and `published: false`), as `build --drafts` does. */
  drafts: boolean;
  /** Show articles dated after today, as `build --future` does. */
  future?: boolean;
  /** The preview's own address, ending in `/`: canonical links and the feed point at it. */
  baseUrl: string;
}

/** What a request for a site path gets. */
export type SiteAnswer =
  | { kind: 'html'; status: number; body: string }
  | { kind: 'text'; body: string }
  | { kind: 'file'; file: string }
  | { kind: 'redirect'; status: 301 | 302; location: string };

export interface UpdateResult extends ReturnType<PreviewSite['status']> {
  /** What changed, relative to the working directory. */
  files: string[];
  /** Pages whose HTML changed: their site paths, or every page. */
  pages: ReadonlySet<SitePath> | 'all';
  /** Articles linted again. */
  linted: number;
  durationMs: number;
}

/**
 * The site as serve holds it in memory: every article parsed once and again only when its file
 * changes, lint findings per article, and pages rendered on request and kept until something
 * they show changes. Nothing is ever written to disk.
 */
export class PreviewSite {
  private readonly display: (file: string) => string;
  private readonly articles: ProjectArticles;
  private published: Article[] = [];
  private readonly lint: LintCache;
  private theme?: Theme;
  private themeError?: OverlayFinding;
  private renderError?: OverlayFinding;
  private renderer?: SiteRenderer;
  private pages = new Map<SitePath, PageRef>();
  /** Articles that cannot be rendered, at the address they had (or would have): the page explains why. */
  private placeholders = new Map<SitePath, string[]>();
  /** The same, at the address such an article had when it last rendered (where an open browser is). */
  private placeholderAliases = new Map<SitePath, string[]>();
  /** Where articles were shown, and the addresses they had before they moved. */
  private readonly addresses = new MovedPages();
  private readonly media = new Map<SitePath, string>();
  private readonly isProjectFile: (file: string) => boolean;
  private readonly rendered = new PageCache();
  /** This run of serve, carried by every page it makes. */
  readonly instance = randomBytes(4).toString('hex');

  /** Reads, lints and prepares the whole site. Throws HealthmdError when the articles folder is missing. */
  constructor(private readonly options: PreviewSiteOptions) {
    this.display = (file) => relativePath(options.cwd, file);
    this.isProjectFile = projectFileCheck(options.config.root, { remember: false });
    this.loadTheme();
    this.articles = new ProjectArticles(options.config, options.cwd, this.display);
    this.lint = new LintCache({ config: options.config, now: options.now, articleAt: (file) => this.articles.articleAt(file), isProjectFile: this.isProjectFile });
    this.published = this.articles.published(options);
    this.lint.relint(this.published, [], new Set(), true);
    this.makeRenderer();
  }

  /** Every address answered with a page: rendered pages, then placeholders of articles that cannot be. */
  get sitePaths(): SitePath[] {
    return [...this.pages.keys(), ...this.placeholders.keys()];
  }

  /** The articles folder and the templates folder (watched for changes). */
  get watchedFolders(): { articles: string; templates: string } {
    return { articles: projectPath(this.options.config, 'articlesDir'), templates: projectPath(this.options.config, 'templatesDir') };
  }

  /**
   * Takes in what changed on disk: re-reads only the files named (and any the folder gained or
   * lost), re-lints the articles whose findings can differ, and forgets the rendered pages that
   * show something that changed. A body edit costs one page; a new title, date or tag list changes
   * the lists on every page (index, tags, latest posts), so every page is rendered afresh.
   */
  update(changedFiles: Iterable<string>, changedTemplates: readonly string[] = []): UpdateResult {
    const started = performance.now();
    const touched = new Set(changedFiles);
    const blockingBefore = this.blocking();
    const homeBefore = this.siteFindings();
    const templatesChanged = changedTemplates.length > 0;
    if (templatesChanged) this.loadTheme();
    const changedArticles = this.articles.refresh(touched);
    const previous = this.published;
    this.published = this.articles.published(this.options);
    // What may change findings: the articles that changed, and other files (images, folders); not articles saved unchanged.
    const changed = new Set([...changedArticles, ...[...touched].filter((file) => !this.articles.has(file))]);
    const { linted, changedFindings } = this.lint.relint(this.published, previous, changed, false);
    // Other files that changed and that a page shows (images): those pages change too.
    const shownFiles = [...changed].filter((file) => !changedArticles.has(file) && this.published.some((a) => localTargets(a).some((t) => isChanged(t, new Set([file])))));

    const oldModel = this.renderer?.model;
    let pages: ReadonlySet<SitePath> | 'all' = new Set();
    const something =
      templatesChanged ||
      changedArticles.size > 0 ||
      changedFindings.size > 0 ||
      shownFiles.length > 0 ||
      !isDeepStrictEqual(this.blocking(), blockingBefore) ||
      !isDeepStrictEqual(this.siteFindings(), homeBefore);
    if (something) {
      this.makeRenderer();
      if (templatesChanged || !isDeepStrictEqual(this.blocking(), blockingBefore)) pages = 'all';
      else pages = this.affectedPages(oldModel, new Set([...changedArticles, ...changedFindings]), new Set(shownFiles), homeBefore);
      this.rendered.changed(pages);
    }
    const files = [...changedArticles, ...changedTemplates, ...shownFiles].map(this.display);
    return { files, pages, linted, ...this.status(), durationMs: performance.now() - started };
  }

  /** How the site stands: articles shown or held back, lint totals, and what stops every page, if anything. */
  status(): { articles: number; errorCount: number; warningCount: number; blocking?: OverlayFinding } {
    return { articles: this.published.length, ...this.lint.totals(), blocking: this.blocking() };
  }

  /** The answer to a request for `sitePath`; undefined for a file that is not part of the site. */
  answer(sitePath: SitePath): SiteAnswer | undefined {
    const asset = this.theme?.assets.get(sitePath);
    if (asset) return { kind: 'file', file: asset };
    const image = this.media.get(sitePath);
    if (image && this.isProjectFile(image)) return { kind: 'file', file: image };
    if (sitePath !== '' && !sitePath.endsWith('/')) {
      const folder = `${sitePath}/`;
      if (this.pages.has(folder) || this.placeholders.has(folder) || this.placeholderAliases.has(folder)) return { kind: 'redirect', status: 301, location: `/${encodeSitePath(folder)}` };
      // The feed and sitemaps are the only other files a site has (feed.xml, sitemap.xml, sitemap-2.xml…).
      if (/^[^/]+\.xml$/.test(sitePath)) return this.extraFile(sitePath);
    }
    const blocking = this.blocking();
    if (blocking) return this.standalone(500, 'This page cannot be shown', 'The preview stops here until the problem in the panel is fixed; the page reloads by itself.', [blocking]);
    const page = this.pages.get(sitePath);
    if (page) return this.renderPage(page);
    const broken = this.placeholders.get(sitePath) ?? this.placeholderAliases.get(sitePath);
    if (broken) {
      const findings = broken.flatMap((file) => lintFindings(this.lint.of(file), this.display(file)));
      const names = broken.map(this.display).join(' and ');
      return this.standalone(500, 'This article cannot be shown', `${names} has problems that stop it from being built (listed in the panel). The page comes back when they are fixed.`, findings);
    }
    const movedTo = this.addresses.movedFrom(sitePath);
    const entry = movedTo === undefined ? undefined : this.renderer?.model.byPath.get(movedTo);
    if (entry) return { kind: 'redirect', status: 302, location: `/${encodeSitePath(entry.sitePath)}` };
    const publish = { drafts: this.options.drafts, future: this.options.future, now: this.options.now };
    const held = [...this.articles.values()].find((a) => articleUrl(a.relPath, a.data.slug) === sitePath && unpublishedReason(a, publish) !== undefined);
    const message = held
      ? heldBack(held, unpublishedReason(held, publish)!, this.display(held.path))
      : `Nothing is published at /${sitePath}. Articles are at /articles/<path>/, mirroring the articles folder.`;
    return this.standalone(404, 'Page not found', message, []);
  }

  /**
   * True when a page opened at `version` is out of date. Known pages compare with the version
   * their HTML last changed at; anything else (a 404, a placeholder) with the site's.
   */
  needsReload(sitePath: SitePath | undefined, version: number): boolean {
    if (sitePath !== undefined && this.pages.has(sitePath) && !this.blocking()) return this.rendered.versions.of(sitePath) > version;
    return this.rendered.versions.current > version;
  }

  private renderPage(page: PageRef): SiteAnswer {
    const renderer = this.renderer!;
    try {
      const body = this.rendered.page(page.sitePath, () => {
        const html = renderer.renderPage(page);
        for (const [sitePath, file] of renderer.media) this.media.set(sitePath, file);
        return html;
      });
      return { kind: 'html', status: 200, body };
    } catch (error) {
      if (!(error instanceof HealthmdError)) throw error;
      const findings = [errorFinding(error, 'template', this.display, 'templates'), ...this.pageFindings(page)];
      return this.standalone(500, 'This page cannot be shown', 'A template failed while rendering this page (see the panel); the page reloads when it is fixed.', findings);
    }
  }

  /** The feed and sitemaps, made with the whole site (rendered once, then kept until something changes). */
  private extraFile(sitePath: string): SiteAnswer | undefined {
    const renderer = this.renderer;
    if (!renderer || this.blocking()) return undefined;
    let body: string | undefined;
    try {
      body = this.rendered.otherFile(sitePath, function* () {
        const pageFiles = new Set(renderer.listPages().map((page) => page.file));
        for (const item of renderer.output()) {
          if ('content' in item && !pageFiles.has(item.path)) yield [item.path, item.content];
        }
      });
    } catch (error) {
      if (!(error instanceof HealthmdError)) throw error;
      return undefined;
    }
    return body === undefined ? undefined : { kind: 'text', body };
  }

  private standalone(status: number, title: string, message: string, findings: OverlayFinding[]): SiteAnswer {
    const overlay = renderOverlay({ findings, version: this.rendered.versions.current, instance: this.instance });
    return { kind: 'html', status, body: renderStandalonePage({ lang: this.options.config.site.language, title, message, overlay }) };
  }

  /** What serve adds to a rendered page: its article's findings, or on the home page the articles that cannot be shown. */
  private overlayFor(page: PageRef): string {
    return renderOverlay({ findings: this.pageFindings(page), version: this.rendered.versions.of(page.sitePath), instance: this.instance });
  }

  private pageFindings(page: PageRef): OverlayFinding[] {
    if (page.kind === 'article') return lintFindings(this.lint.of(page.entry.article.path), this.display(page.entry.article.path));
    if (page.kind === 'index' && page.number === 1) return this.siteFindings();
    return [];
  }

  /** Problems no page of their own can show: files discovery skipped, articles that cannot be built. */
  private siteFindings(): OverlayFinding[] {
    const findings: OverlayFinding[] = this.articles.problems.map((p) => ({ source: 'files', severity: 'warning', file: p.file, message: p.message }));
    for (const files of this.placeholders.values()) {
      for (const file of files) findings.push(...lintFindings(this.lint.of(file), this.display(file)));
    }
    return findings;
  }

  private blocking(): OverlayFinding | undefined {
    return this.articles.error ?? this.themeError ?? this.renderError;
  }

  private loadTheme(): void {
    try {
      this.theme = loadTheme(projectPath(this.options.config, 'templatesDir'));
      this.themeError = undefined;
    } catch (error) {
      if (!(error instanceof HealthmdError)) throw error;
      this.themeError = errorFinding(error, 'template', this.display, this.display(projectPath(this.options.config, 'templatesDir')));
    }
  }

  /** A new renderer over the articles that can be built; those with fatal findings get a placeholder page. */
  private makeRenderer(): void {
    this.renderer = undefined;
    this.renderError = undefined;
    this.pages = new Map();
    this.placeholders = new Map();
    this.placeholderAliases = new Map();
    const add = (map: Map<SitePath, string[]>, sitePath: SitePath, file: string) => map.set(sitePath, [...(map.get(sitePath) ?? []), file]);
    const shown: Article[] = [];
    for (const article of this.published) {
      if (!article.problem && !this.lint.of(article.path).some((d) => d.fatal)) {
        shown.push(article);
        continue;
      }
      const sitePath = articleUrl(article.relPath, article.data.slug);
      add(this.placeholders, sitePath, article.path);
      const last = this.addresses.lastAt(article.path);
      if (last !== undefined && last !== sitePath) add(this.placeholderAliases, last, article.path);
    }
    if (!this.theme) return;
    try {
      this.renderer = new SiteRenderer(shown, {
        config: this.options.config,
        baseUrl: this.options.baseUrl,
        theme: this.theme,
        linkStyle: 'server',
        isProjectFile: this.isProjectFile,
        describeFile: this.display,
        beforeBodyEnd: (page) => this.overlayFor(page),
        now: this.options.now,
      });
    } catch (error) {
      if (!(error instanceof HealthmdError)) throw error;
      this.renderError = errorFinding(error, 'template', this.display, this.display(projectPath(this.options.config, 'templatesDir')));
      return;
    }
    for (const page of this.renderer.listPages()) this.pages.set(page.sitePath, page);
    for (const entry of this.renderer.model.entries) {
      this.addresses.shownAt(entry.article.path, entry.sitePath);
    }
  }

  /**
   * The pages whose HTML differs after a change: the changed articles' own pages, pages showing a
   * changed image, and the home page when the list of articles that cannot be shown changed. An
   * article whose summary (title, date, description, excerpt, tags, address) changed, or that
   * appeared or went, is listed on the index, tag and every article page (latest posts): all pages.
   */
  private affectedPages(oldModel: SiteModel | undefined, articles: ReadonlySet<string>, shownFiles: ReadonlySet<string>, homeBefore: readonly OverlayFinding[]): ReadonlySet<SitePath> | 'all' {
    const newModel = this.renderer?.model;
    if (!oldModel || !newModel) return 'all';
    const pages = new Set<SitePath>();
    for (const file of articles) {
      const before = oldModel.byPath.get(file);
      const after = newModel.byPath.get(file);
      if (!isDeepStrictEqual(summary(before), summary(after))) return 'all';
      if (after) pages.add(after.sitePath);
    }
    for (const entry of newModel.entries) {
      if (shownFiles.size > 0 && localTargets(entry.article).some((target) => isChanged(target, shownFiles))) pages.add(entry.sitePath);
    }
    if (!isDeepStrictEqual(this.siteFindings(), homeBefore)) pages.add('');
    return pages;
  }
}

/** What lists and other pages show of an article; when it changes, every page may differ. */
function summary(entry: SiteEntry | undefined): unknown[] | undefined {
  if (!entry) return undefined;
  return [entry.sitePath, entry.title, entry.date, entry.description, entry.excerptText, entry.excerptCut, entry.tags.map((t) => [t.name, t.slug])];
}

/** Why an article is not at its address in the preview, and what shows it. */
function heldBack(article: Article, reason: Unpublished, shown: string): string {
  switch (reason) {
    case 'draft':
    case 'in-doubt':
      return `${shown} is a draft: restart with 'healthmd serve --drafts' to preview it.`;
    case 'future':
      return `${shown} is dated after today (${publishedDate(article)}): restart with 'healthmd serve --future' to preview it.`;
    case 'expired':
      return `${shown} is past its expiryDate (${expiryDate(article)}): remove the date or move it on to preview it.`;
  }
}

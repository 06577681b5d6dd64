import pkg from '../../package.json' with { type: 'json' };
import { frontMatterRecord, type Article } from '../core/article.js';
import { projectPath, type Config } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import { discoverArticles, type ArticleFile, type Discovery, type DiscoveryProblem } from '../core/discover.js';
import { HealthmdError, UsageError } from '../core/errors.js';
import { ArticleStore, wholeSiteFits } from '../core/article-store.js';
import { selectPublished, unpublishedReason } from '../core/publication.js';
import { isOutsideFolder } from '../core/url-safety.js';
import { SiteRenderer, type OutputItem, type PageInputs } from '../render/site-renderer.js';
import { PageCache, spareOutput } from '../cache/page-cache.js';
import { bodyFacts, inSiteOrder, siteEntry, siteModelOf, type BodyFacts, type SiteEntry } from '../render/site-model.js';
import { gateOverrides, startLintGate, type Blocked, type LintGate, type LintGateRun } from './lint-gate.js';
import { LintCache } from '../cache/lint-cache.js';
import type { LintResult } from '../lint/engine.js';
import { loadTheme } from './load-theme.js';
import type { Theme } from '../render/theme.js';
import { checkOutputFolder, readMarker } from './output-folder.js';
import { lockOutput } from './output-lock.js';
import { Staging, writeSite, type WriteSiteOptions, type WriteSiteResult } from './write-site.js';
import { relativePath } from '../core/relative-path.js';

export interface BuildOptions {
  config: Config;
  /** Working directory: `--out` is relative to it, and messages name files relative to it. */
  cwd: string;
  /** Today (lint's review checks). */
  now: CalendarDate;
  /** Absolute output folder (`--out`); default the config's outDir. */
  outDir?: string;
  /** `--base-url`; default site.baseUrl. */
  baseUrl?: string;
  drafts?: boolean;
  /** `--future`: publish articles dated after today too. */
  future?: boolean;
  skipLint?: boolean;
  /** `--clean`: leave out the files in the old output that healthmd did not make, too. */
  clean?: boolean;
  onProgress?: (progress: BuildProgress) => void;
  /** `--no-cache`: lint every article, whatever an earlier run found (and keep nothing for the next). */
  cache?: boolean;
  /** Says what the user should know but that does not stop the build (a cache that could not be written). */
  onWarning?: (message: string) => void;
  /** The heap the site's whole articles may take (default: ArticleStore's): a site past it keeps none, and reads each again when needed. */
  keepWholeHeap?: number;
  /** Whether the site's whole articles fit that heap, when the caller judged it already (wholeSiteFits). */
  keepWhole?: boolean;
  /** The articles, when the caller found them already (build decides from their number where to run). */
  discovery?: Discovery;
  /** How a replaced output tree is removed (default: a detached process). */
  removeLater?: (dir: string) => void;
}

export interface BuildProgress {
  stage: 'read' | 'lint' | 'write';
  done: number;
  total: number;
}

export type BuildResult =
  | Blocked
  | {
      status: 'built';
      lint: LintGate;
      problems: DiscoveryProblem[];
      /** With --skip-lint: the files that could not be parsed, left out of the site. */
      leftOut: Array<Pick<Article, 'path' | 'problem'>>;
      outDir: string;
      articles: number;
      pages: number;
      files: number;
      kept: number;
      /** Set when the build took over the previous output's unchanged files: the files it wrote (the rest were as they were). */
      changed?: number;
      durationMs: number;
    };

/** Articles from which build makes the site's folders while it reads them and writes its pages while it lints (below, a lint that fails would cost more than it saves). */
const PREPARE_FOLDERS_FROM = 500;

/**
 * The build pipeline: discover → read (parse once) → lint gate → render → write atomically (a
 * large site's pages are written while the gate runs, and swapped in only once it has passed).
 * Returns `blocked` with the findings when lint stops it; throws HealthmdError for what the user
 * must fix in the invocation, config or templates.
 */
export function buildSite(options: BuildOptions): BuildResult {
  const started = performance.now();
  const { config, cwd } = options;
  const display = (file: string) => relativePath(cwd, file);
  const outDir = options.outDir ?? projectPath(config, 'outDir');
  const baseUrl = normaliseBaseUrl(options.baseUrl ?? config.site.baseUrl, options.baseUrl !== undefined);
  checkOutputFolder(
    outDir,
    { root: config.root, articlesDir: projectPath(config, 'articlesDir'), templatesDir: projectPath(config, 'templatesDir'), configFile: config.file },
    display,
  );
  // Held until the new output is in place; writeSite reads the previous build's marker under it.
  const lock = lockOutput(outDir, display, '--out');
  try {
    return buildLocked(options, { outDir, baseUrl, display, started });
  } finally {
    lock.release();
  }
}

interface BuildTarget {
  outDir: string;
  baseUrl: string;
  display: (file: string) => string;
  started: number;
}

function buildLocked(options: BuildOptions, { outDir, baseUrl, display, started }: BuildTarget): BuildResult {
  const { config, cwd } = options;
  const discovery = options.discovery ?? discoverArticles(config, cwd);
  // Each file is parsed once, here; what the site shows of it is read from the whole article, which
  // is kept only when the site's whole articles fit the budget (ArticleStore), so a site of any size
  // builds in bounded memory.
  const store = new ArticleStore(config, cwd, options.keepWhole ?? wholeSiteFits(discovery.files, options.keepWholeHeap));
  // The gate's findings of files unchanged since an earlier build or lint come from the cache in .healthmd/.
  const cache =
    options.cache === false
      ? undefined
      : LintCache.open({ config, now: options.now, ruleOverrides: gateOverrides(config, options.skipLint), warn: options.onWarning ?? (() => {}) });
  // Known before the articles are read, so that the writer thread can make the new site's folders
  // while they are read and linted; a theme that cannot be read is reported where it was, after the lint.
  let theme: Theme | undefined;
  let themeError: unknown;
  try {
    theme = loadTheme(projectPath(config, 'templatesDir'));
  } catch (error) {
    themeError = error;
  }
  // What made each page of the output an earlier build left: a page made from the same is not made again.
  const pages = theme && cache?.trusted ? PageCache.open({ config, theme, baseUrl, outDir }) : undefined;
  const previous = options.clean ? undefined : readMarker(outDir);
  // The previous output's files can be taken over when the cache knows what made them.
  const reuse = Boolean(pages?.known && previous);
  let total = 0;
  let done = 0;
  const onFile = (file: string) => {
    if (file.endsWith('.html')) options.onProgress?.({ stage: 'write', done: ++done, total });
  };
  const writing: WriteSiteOptions = { outDir, keepForeign: !options.clean, version: pkg.version, removeLater: options.removeLater, onFile, reuse, spare: cache && spareOutput(config, outDir) };
  // Without --skip-lint a file that cannot be parsed stops the build; with it, the file is left out and named.
  const parseable = (article: Article) => !options.skipLint || !article.problem;
  const publish = { drafts: options.drafts, future: options.future, now: options.now };
  // Thousands of new folders take seconds on some disks: a large site's are made by the writer
  // thread while its articles are read and linted (each as soon as its article is known to be
  // published), and a build that stops removes them.
  const staging = discovery.files.length >= PREPARE_FOLDERS_FROM ? new Staging(writing) : undefined;
  const onEntry = staging && ((article: Article, entry: SiteEntry) => {
    if (parseable(article) && unpublishedReason(article, publish) === undefined) staging.prepare([entry.sitePath.replace(/\/$/, '')]);
  });
  // Until the lint gate runs, anything that throws leaves the writer making folders in the staging folder: it goes first.
  const { leftOut, published, linted, whole, project, siteEntries, gate } = orDiscard(staging, () => {
    const { all, entries } = readSite(discovery.files, store, cache, config, options.onProgress, onEntry);
    // Lint checks exactly what is published (and the files in doubt, whose wrong type it reports).
    const selected = selectPublished(all, publish);
    // With --skip-lint a file that cannot be parsed is left out and named.
    const leftOut = options.skipLint ? selected.published.filter((article) => article.problem) : [];
    const published = selected.published.filter(parseable);
    const linted = selected.linted.filter(parseable);
    // A link to any article, drafts included, finds it in the store instead of reading it again.
    const whole = (article: Article) => store.whole(article.path)!;
    const project = store.project(published);
    const signature = cache?.projectSignature(published) ?? '';
    const kept = cache && { result: (article: Article) => cache.result(article, signature), remember: (result: LintResult) => cache.remember(result, signature) };
    // The articles in the order of their pages, so that an article is linted as its page is made
    // (a site past the memory budget reads it again for both: the second read finds it just read).
    const siteEntries = inSiteOrder(published.map((article) => entries.get(article)!));
    // The map would hold a second table of the entries for the rest of the build.
    entries.clear();
    const inSite = new Set(published);
    const lintOrder = [...siteEntries.map((entry) => entry.article), ...linted.filter((article) => !inSite.has(article))];
    const gate = startLintGate(lintOrder, { config, now: options.now, skipLint: options.skipLint, project, whole, kept, findingsOnly: true });
    return { leftOut, published, linted, whole, project, siteEntries, gate };
  });
  const made = new Map<string, PageInputs>();
  let written: WriteSiteResult | undefined;
  let failure: unknown;
  try {
    // A large site is linted while its pages are written, a few files before each page, so that
    // the disk is busy while the rules run; the first finding that blocks the build stops the
    // writing. A small one is linted first.
    if (!staging) gate.finish();
    if (!gate.blocking) {
      if (!theme) throw themeError;
      const renderer = new SiteRenderer(siteModelOf(siteEntries, config), {
        config,
        baseUrl,
        theme,
        linkStyle: 'server',
        isProjectFile: project.isProjectFile,
        describeFile: display,
        now: options.now,
        fullArticle: (entry) => whole(entry.article),
        articleDigest: cache && ((entry) => cache.digest(entry.article.path)),
        previous: reuse ? (file) => pages!.previous(file) : undefined,
      });
      total = renderer.pageCount;
      written = writeSite(gated(keepInputs(renderer.output(), made), gate), writing, staging);
    }
  } catch (error) {
    failure = error;
  }
  let lint: LintGate;
  try {
    // A rule that threw while the pages were written throws here, as it would have before them.
    lint = gate.finish();
  } catch (error) {
    staging?.discard();
    throw error;
  }
  // Reported in the files' order, whatever order they were linted in.
  const fileOrder = new Map(linted.map((article, i) => [article.path, i]));
  lint.results.sort((a, b) => fileOrder.get(a.filePath)! - fileOrder.get(b.filePath)!);
  cache?.save(discovery.files);
  options.onProgress?.({ stage: 'lint', done: linted.length, total: linted.length });
  // The lint's verdict comes first, as if it had run before any page (a template error or two
  // articles on one URL are reported only for a site that passes it).
  if (lint.blocked) {
    staging?.discard();
    return { status: 'blocked', lint, problems: discovery.problems };
  }
  if (failure !== undefined || !written) {
    staging?.discard();
    throw failure;
  }
  if (pages) {
    pages.record(made);
    saveQuietly(pages, options.onWarning);
  }
  return {
    status: 'built',
    lint,
    problems: discovery.problems,
    leftOut,
    outDir,
    articles: published.length,
    pages: total,
    files: written.written,
    kept: written.kept,
    changed: reuse ? written.written : undefined,
    durationMs: performance.now() - started,
  };
}

/**
 * Reads every article once, and what the site shows of it (its entry). A file unchanged since an
 * earlier build is not read at all: its front matter and what the lists show of its body come
 * from the cache, which keeps what was read of the others.
 */
function readSite(
  files: readonly ArticleFile[],
  store: ArticleStore,
  cache: LintCache | undefined,
  config: Config,
  onProgress: BuildOptions['onProgress'],
  onEntry?: (article: Article, entry: SiteEntry) => void,
) {
  const entries = new Map<Article, SiteEntry>();
  const all = files.map((file, i) => {
    const known = cache?.unchanged(file);
    let article: Article;
    let facts: BodyFacts;
    if (known) {
      article = store.known(file, known.record);
      facts = known.facts;
    } else {
      let whole: Article | undefined;
      let bytes: Buffer | undefined;
      article = store.read(file, (read, content) => {
        whole = read;
        bytes = content;
      });
      // Past the memory budget the store keeps the front matter only, and the entry copies what the
      // body told (the whole article's texts are slices that would keep the file's text alive).
      facts = store.keeps(file.path) ? bodyFacts(whole!, config) : structuredClone(bodyFacts(whole!, config));
      cache?.adopt(file, bytes!, whole!, { record: frontMatterRecord(article), facts });
    }
    const entry = siteEntry(article, config, facts);
    // Past the budget, the dates the entry made (a review's due date) once for the articles that share them.
    if (!store.keeps(file.path)) for (const key of ENTRY_DATES) if (entry[key] !== undefined) entry[key] = store.pool.intern(entry[key]);
    entries.set(article, entry);
    onEntry?.(article, entry);
    onProgress?.({ stage: 'read', done: i + 1, total: files.length });
    return article;
  });
  return { all, entries };
}

const ENTRY_DATES = ['date', 'updated', 'lastReviewed', 'nextReview'] as const;

/** Runs `step`; when it throws, the staging folder (where the writer thread may be making folders) is removed first. */
function orDiscard<T>(staging: Staging | undefined, step: () => T): T {
  try {
    return step();
  } catch (error) {
    staging?.discard();
    throw error;
  }
}

/** What stops the writing when the lint, run alongside it, finds that the build must not go ahead. */
class LintStopped extends HealthmdError {
  constructor() {
    super('the lint stopped the build');
  }
}

/**
 * Passes the items on, linting one file with each article page (the gate takes the articles in the
 * order of their pages: the file linted is the page's own); stops at the first finding that blocks the build.
 */
function* gated(items: Iterable<OutputItem>, gate: LintGateRun): Generator<OutputItem> {
  for (const item of items) {
    if ('page' in item && item.page === 'article') gate.step(1);
    if (gate.blocking) throw new LintStopped();
    yield item;
  }
  // Every file is linted before the new output can replace the previous one.
  gate.finish();
  if (gate.blocking) throw new LintStopped();
}

/** Passes the items on, noting what made each page that says. */
function* keepInputs(items: Iterable<OutputItem>, made: Map<string, PageInputs>): Generator<OutputItem> {
  for (const item of items) {
    if ('unchanged' in item) made.set(item.path, item.unchanged);
    else if ('inputs' in item && item.inputs) made.set(item.path, item.inputs);
    yield item;
  }
}

function saveQuietly(pages: PageCache, warn: ((message: string) => void) | undefined): void {
  try {
    pages.save();
  } catch (error) {
    warn?.(`could not write the cache in .healthmd/ (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next build makes every page again`);
  }
}

/** An absolute http(s) URL ending in `/`: page URLs are resolved against it. */
export function normaliseBaseUrl(value: string, fromFlag: boolean): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    const where = fromFlag ? '--base-url' : 'site.baseUrl';
    throw new UsageError(`${where} ${JSON.stringify(value)}: expected an absolute http(s) address such as https://example.org/ or https://example.org/health/`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}


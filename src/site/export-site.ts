import { statSync } from 'node:fs';
import path from 'node:path';
import pkg from '../../package.json' with { type: 'json' };
import type { Article } from '../core/article.js';
import { publishedDate } from '../core/article-info.js';
import { projectPath, type Config } from '../core/config.js';
import { toCalendarDate, type CalendarDate } from '../core/dates.js';
import type { Place } from '../core/diagnostic.js';
import { discoverArticles, type DiscoveryProblem } from '../core/discover.js';
import { UsageError } from '../core/errors.js';
import { createProject } from '../core/project.js';
import { readArticles } from '../core/read-articles.js';
import { classifyUrl, isOutsideFolder } from '../core/url-safety.js';
import { SiteRenderer, type OutputItem, type SiteRenderOptions } from '../render/site-renderer.js';
import { describeLeftOut } from '../core/publication.js';
import { normaliseBaseUrl, type BuildProgress } from './build-site.js';
import { selectForExport, type ExportSelection, type SelectedArticles } from './export-select.js';
import { imageInliner, singleFileLinks, singleFilePages } from './export-single-file.js';
import { checkExportTarget, EXPORT_MARKER, type ExportTarget } from './export-target.js';
import { writeZip } from './export-zip.js';
import { lintGate, type Blocked, type LintGate } from './lint-gate.js';
import { loadTheme } from './load-theme.js';
import { lockOutput } from './output-lock.js';
import { writeSite } from './write-site.js';
import { relativePath } from '../core/relative-path.js';

export interface ExportOptions extends ExportSelection {
  config: Config;
  /** Working directory: paths are relative to it, and messages name files relative to it. */
  cwd: string;
  /** Today (lint's review checks). */
  now: CalendarDate;
  /** Articles to export: files, folders or globs inside the articles folder (default: all). */
  paths?: string[];
  target: ExportTarget;
  /** Each page as one HTML file with its stylesheet and images inside it. */
  singleFile?: boolean;
  skipLint?: boolean;
  /** How replaced trees and work folders are removed (default: a detached process). */
  removeLater?: (dir: string) => void;
  /** Called as each page is rendered (a progress bar on a terminal). */
  onProgress?: (progress: BuildProgress) => void;
}

/** Something the export did that the user should know about, at its place in an article. */
export interface ExportNotice extends Place {
  file: string;
  message: string;
}

export type ExportResult =
  | Blocked
  | {
      status: 'exported';
      lint: LintGate;
      problems: DiscoveryProblem[];
      notices: ExportNotice[];
      target: ExportTarget;
      articles: number;
      pages: number;
      /** Files in the bundle, its marker included. */
      files: number;
      /** Bytes of the bundle's files (folder) or of the archive (zip). */
      bytes: number;
      durationMs: number;
    };

/**
 * The export pipeline: discover → read → select → lint gate → render as the build does, but with
 * links a browser can follow from disk, no feed or sitemap, and nothing the bundle does not hold
 * → write the folder or the archive atomically. Links to articles left out of the selection
 * become plain text, as links to drafts do in a build: a bundle never points into the void.
 */
export async function exportSite(options: ExportOptions): Promise<ExportResult> {
  const started = performance.now();
  const { config, cwd, target } = options;
  const display = (file: string) => relativePath(cwd, file);
  const articlesDir = projectPath(config, 'articlesDir');
  const baseUrl = normaliseBaseUrl(config.site.baseUrl, false);
  checkExportTarget(
    target,
    { root: config.root, articlesDir, templatesDir: projectPath(config, 'templatesDir'), configFile: config.file },
    display,
  );
  // Held until the bundle is in place, so a build or another export into it cannot mix files in.
  const lock = lockOutput(target.path, display, target.kind === 'folder' ? '--out' : '--zip');
  try {
    return await exportLocked(options, { articlesDir, baseUrl, display, started });
  } finally {
    lock.release();
  }
}

interface ExportContext {
  articlesDir: string;
  baseUrl: string;
  display: (file: string) => string;
  started: number;
}

async function exportLocked(options: ExportOptions, { articlesDir, baseUrl, display, started }: ExportContext): Promise<ExportResult> {
  const { config, cwd, target } = options;

  const discovery = discoverArticles(config, cwd, options.paths ?? []);
  for (const file of discovery.files) {
    if (isOutsideFolder(file.path, articlesDir)) {
      throw new UsageError(`${display(file.path)}: is not in the articles folder (${display(articlesDir)}); export publishes articles only`);
    }
  }
  const read = readArticles(discovery.files, cwd, config);
  const { articles, leftOut } = selectForExport(read, options);
  if (articles.length === 0) throw new UsageError(nothingSelected(options, leftOut));

  // Project rules see what is exported; what is left out (drafts) is still found, parsed once, as a link target.
  const project = createProject({ config, articles: read, published: articles });
  const lint = lintGate(articles, { config, now: options.now, skipLint: options.skipLint, project });
  if (lint.blocked) return { status: 'blocked', lint, problems: discovery.problems };

  const theme = loadTheme(projectPath(config, 'templatesDir'));
  const inline = options.singleFile ? imageInliner() : undefined;
  const link = options.singleFile ? singleFileLinks(baseUrl) : undefined;
  const rendering: SiteRenderOptions = {
    config,
    baseUrl,
    theme,
    linkStyle: 'relative',
    link,
    isProjectFile: project.isProjectFile,
    feeds: false,
    describeFile: display,
    imageSrc: bundledImage(inline),
    now: options.now,
  };
  const renderer = new SiteRenderer(articles, rendering);
  const site = renderer.output();
  const total = renderer.pageCount;
  let done = 0;
  const measured = measure(link ? singleFilePages(site, theme, link) : site, (item) => {
    if (item.path.endsWith('.html')) options.onProgress?.({ stage: 'write', done: ++done, total });
  });

  let bytes: number;
  let files: number;
  if (target.kind === 'zip') {
    bytes = await writeZip(measured.items, { zipFile: target.path, version: pkg.version, date: newestDate(articles), removeLater: options.removeLater });
    files = measured.tally.files + 1;
  } else {
    const written = writeSite(measured.items, { outDir: target.path, version: pkg.version, marker: EXPORT_MARKER, removeLater: options.removeLater });
    bytes = measured.tally.bytes;
    files = written.written + 1;
  }
  return {
    status: 'exported',
    lint,
    problems: discovery.problems,
    notices: articles.flatMap((article) => leftOutImages(article, display)),
    target,
    articles: articles.length,
    pages: renderer.pageCount,
    files,
    bytes,
    durationMs: performance.now() - started,
  };
}

/**
 * Where a page's image comes from in the bundle: a file of the project is copied into it (or
 * inlined as a data: URI), inline data stays, and an image on another site, which would be a
 * request leaving the bundle, is left out (its alt text stays).
 */
function bundledImage(inline: ((file: string) => string | undefined) | undefined): SiteRenderOptions['imageSrc'] {
  return ({ href, source }) => {
    if (source !== undefined) return inline ? inline(source) : href;
    return /^data:/i.test(href) ? href : undefined;
  };
}

/** Counts the files and bytes that pass through on their way to be written. */
function measure(items: Iterable<OutputItem>, onItem: (item: OutputItem) => void) {
  const tally = { files: 0, bytes: 0 };
  const seen = new Set<string>();
  function* counted(): Generator<OutputItem> {
    for (const item of items) {
      if (!seen.has(item.path)) {
        seen.add(item.path);
        onItem(item);
        tally.files++;
        tally.bytes += 'content' in item ? Buffer.byteLength(item.content) : 'copyFrom' in item ? statSync(item.copyFrom).size : 0;
      }
      yield item;
    }
  }
  return { tally, items: counted() };
}

/** The newest publication or update day of the selection: the date every zip entry carries. */
function newestDate(articles: readonly Article[]): CalendarDate | undefined {
  let newest: CalendarDate | undefined;
  for (const article of articles) {
    for (const date of [publishedDate(article), toCalendarDate(article.data.updated)]) {
      if (date !== undefined && (newest === undefined || date > newest)) newest = date;
    }
  }
  return newest;
}

/** Images on other sites, which the export leaves out (their alt text stays), at their place. */
function leftOutImages(article: Article, display: (file: string) => string): ExportNotice[] {
  const notices: ExportNotice[] = [];
  const note = (href: string, place: Place) =>
    notices.push({
      file: display(article.path),
      ...place,
      message: `image ${href} is on another site and was left out of the export (its alt text is shown); save it in the project and link to that file to include it`,
    });
  const hero = article.data.image;
  const heroPlace = article.frontMatter?.places.image?.value;
  if (typeof hero === 'string' && heroPlace && classifyUrl(hero.trim(), 'image').target === 'web') note(hero.trim(), heroPlace);
  for (const link of article.links) {
    if (link.kind === 'image' && classifyUrl(link.href, 'image').target === 'web') note(link.href, article.place(link.start));
  }
  return notices;
}

function nothingSelected(selection: ExportOptions, leftOut: SelectedArticles['leftOut']): string {
  const asked = [
    ...(selection.paths ?? []),
    ...(selection.tags ?? []).map((tag) => `--tag ${JSON.stringify(tag)}`),
    ...(selection.since ? [`--since ${selection.since}`] : []),
  ];
  const what = asked.length ? `no article matches ${asked.join(' ')}` : 'there are no articles';
  const drafts = leftOut.length > 0 ? `; left out as not published: ${describeLeftOut(leftOut)}` : '';
  return `nothing to export: ${what}${drafts}`;
}

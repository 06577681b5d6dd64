import { readFileSync } from 'node:fs';
import { parseArticle, type Article } from '../core/article.js';
import type { Config, RuleSeverity } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import { pathOrder, type ArticleFile } from '../core/discover.js';
import { wholeSiteFits } from '../core/article-store.js';
import { createProject } from '../core/project.js';
import { readArticles } from '../core/read-articles.js';
import { lintArticles, type LintResult } from './engine.js';

export interface LintFilesOptions {
  config: Config;
  cwd: string;
  now: CalendarDate;
  ruleOverrides?: Record<string, RuleSeverity>;
  fix?: boolean;
  /** Record what each file's findings depend on (see LintDependencies): the lint cache asks for it. */
  dependencies?: boolean;
  /** The front matter of a project file not linted, when the caller has it already (the lint cache's scan); by default read from the file. */
  frontMatterOf?: (file: ArticleFile) => Article;
  /** The heap the linted files' parsed articles may take together (build's budget by default); past it they are linted a chunk at a time. */
  keepWholeHeap?: number;
}

/**
 * Reads, parses and lints `files[start, end)` as part of the whole list: project rules see every
 * file, the ones outside the range through their front matter only. With the whole range it is
 * the plain one-thread lint; a worker thread lints one range of a large project.
 */
export function lintFileRange(files: readonly ArticleFile[], start: number, end: number, options: LintFilesOptions): LintResult[] {
  return lintFilesInProject(files.slice(start, end), files, options);
}

/**
 * Reads, parses and lints `linted` as part of `projectFiles` (the whole project): project rules
 * (unique-slug, internal-links) see every file, the ones not linted through their front matter
 * only, which is what they ask of them (link targets are read in full on demand). Findings are
 * reported for the linted files alone.
 */
export function lintFilesInProject(linted: readonly ArticleFile[], projectFiles: readonly ArticleFile[], options: LintFilesOptions): LintResult[] {
  // A linted file left out of the project (published: "false", in doubt) is reported on, but no other file sees it, as in build.
  if (wholeSiteFits(linted, options.keepWholeHeap)) return lintArticlesInProject(readArticles(linted, options.cwd, options.config), projectFiles, { ...options, joinProject: false });
  return lintInChunks(linted, projectFiles, options);
}

/** Files parsed and linted at a time where the linted files' parsed articles would not fit in memory together. */
const CHUNK = 1000;

/**
 * Lints files whose parsed articles would not fit the heap together (by build's judgement,
 * wholeSiteFits: 30,000 articles held 1.8 GB), a chunk at a time: only the chunk is held whole,
 * and project rules see every project file through its front matter, one list for every chunk
 * (so the indexes they make of it are made once), link targets read in full on demand.
 */
function lintInChunks(linted: readonly ArticleFile[], projectFiles: readonly ArticleFile[], options: LintFilesOptions): LintResult[] {
  const published = projectFiles.map(frontMatterReader(options)).sort(pathOrder);
  const results: LintResult[] = [];
  for (let i = 0; i < linted.length; i += CHUNK) {
    for (const result of lintAgainst(readArticles(linted.slice(i, i + CHUNK), options.cwd, options.config), published, options)) results.push(result);
  }
  return results;
}

/**
 * Lints articles already read (text from stdin stands for its file) as part of `projectFiles`, as
 * lintFilesInProject does. `placeless`: the articles have no file, so findings about where they are stay out.
 * `joinProject` (default true): articles not among `projectFiles` (text from stdin) are part of the project too.
 */
export function lintArticlesInProject(
  articles: readonly Article[],
  projectFiles: readonly ArticleFile[],
  options: LintFilesOptions & { placeless?: boolean; joinProject?: boolean },
): LintResult[] {
  const byPath = new Map(articles.map((article) => [article.path, article]));
  let project: Article[] | undefined;
  const inProject = new Set(projectFiles.map((file) => file.path));
  const outside = articles.filter((article) => !inProject.has(article.path));
  const hidden = options.joinProject === false && outside.length > 0;
  // Without files to add or hide, the linted articles are the project (the engine's default).
  if (hidden || projectFiles.some((file) => !byPath.has(file.path))) {
    const frontMatterOf = frontMatterReader(options);
    project = [...projectFiles.map((file) => byPath.get(file.path) ?? frontMatterOf(file)), ...(hidden ? [] : outside)];
    project.sort(pathOrder);
  }
  return lintAgainst(articles, project, options);
}

/**
 * Lints `articles` with project rules seeing `published` (default: the articles themselves). The
 * files not linted are in it by their front matter only; as link targets they are read in full, on demand.
 */
function lintAgainst(articles: readonly Article[], published: readonly Article[] | undefined, options: LintFilesOptions & { placeless?: boolean }): LintResult[] {
  const { config } = options;
  return lintArticles(articles, {
    config,
    now: options.now,
    ruleOverrides: options.ruleOverrides,
    fix: options.fix,
    dependencies: options.dependencies,
    project: createProject({ config, articles, published }),
    placeless: options.placeless,
  });
}

/** How the front matter of a project file not linted is had: from the caller (the lint cache's scan), or read from the file. */
function frontMatterReader(options: LintFilesOptions): (file: ArticleFile) => Article {
  return options.frontMatterOf ?? ((file: ArticleFile) => frontMatterOnly(file, options.config));
}

/** Each discovered file's front matter, read once for the config it was read with. */
const frontMatterRead = new WeakMap<ArticleFile, { config: Config; article: Article }>();

/**
 * What project rules need of an article linted elsewhere (and what decides its publication): where
 * it is, its front matter, whether it parses. Read once per discovered file: lint asks it first
 * whether the file is published, then for the project list, of the same `ArticleFile`.
 */
export function frontMatterOnly(file: ArticleFile, config: Config): Article {
  const known = frontMatterRead.get(file);
  if (known?.config === config) return known.article;
  let content: Uint8Array;
  try {
    content = readFileSync(file.path);
  } catch {
    // Whoever lints this file reports why it cannot be read; here it is left out as unparseable.
    content = new Uint8Array();
  }
  const article = parseArticle({ ...file, content, markdown: false, adopt: config });
  frontMatterRead.set(file, { config, article });
  return article;
}

import { readFileSync } from 'node:fs';
import { parseArticle, parseForFrontMatter, type Article } from '../core/article.js';
import type { Config, RuleSeverity } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import { pathOrder, type ArticleFile } from '../core/discover.js';
import { wholeSiteFits } from '../core/article-store.js';
import { createProject } from '../core/project.js';
import { assertModelRoom, readArticle, readArticles } from '../core/read-articles.js';
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
  /** The first reads of the files (FirstReads): a linted file parsed whole there is linted as parsed, not read again. */
  firstReads?: FirstReads;
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
  if (wholeSiteFits(linted, options.keepWholeHeap)) {
    const { firstReads } = options;
    const articles = firstReads ? linted.map((file) => firstReads.take(file) ?? readArticle(file, options.cwd, options.config)) : readArticles(linted, options.cwd, options.config);
    return lintArticlesInProject(articles, projectFiles, { ...options, joinProject: false });
  }
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
  return options.frontMatterOf ?? ((file: ArticleFile) => frontMatterOnly(file, options.config, options.firstReads));
}

/**
 * How each file is parsed at its first read, which decides whether it is published and what
 * project rules see of it: its front matter only, except for the files lint is about to parse
 * whole anyway (`parseWhole`), which are parsed whole then and kept until lint takes them, so that
 * each is read and parsed once (a cold one-thread lint of 4,000 articles read each file twice and
 * parsed its front matter twice: 186 of 2,800 ms in a profile).
 */
export class FirstReads {
  private whole: ReadonlySet<string> = new Set();
  private readonly parsed = new Map<string, Article>();

  /** `cwd`: what the paths in an error about a file too large for the heap are relative to. */
  constructor(
    private readonly config: Config,
    private readonly cwd = config.root,
  ) {}

  /** From now on the files at these paths are parsed whole at their first read. */
  parseWhole(files: readonly ArticleFile[]): void {
    this.whole = new Set(files.map((file) => file.path));
  }

  /**
   * What a front-matter read of a file whose bytes are `content` gives, by a whole parse where
   * parseWhole asked for one. Without bytes (the file cannot be read) it is unparseable: whoever
   * lints it reports why it cannot be read.
   */
  frontMatter(file: ArticleFile, content: Uint8Array | undefined): Article {
    if (!content || !this.whole.has(file.path)) return parseArticle({ ...file, content: content ?? new Uint8Array(), markdown: false, adopt: this.config });
    // As readArticle does: a file whose model would not fit the heap left is an error naming it, not V8's fatal one.
    assertModelRoom(file, this.cwd, content);
    const { whole, frontMatter } = parseForFrontMatter({ ...file, content, adopt: this.config });
    this.parsed.set(file.path, whole);
    return frontMatter;
  }

  /** The whole article of a file parsed at its first read, once: lint takes it instead of reading the file again. */
  take(file: ArticleFile): Article | undefined {
    const article = this.parsed.get(file.path);
    this.parsed.delete(file.path);
    return article;
  }
}

/** Each discovered file's front matter, read once for the config it was read with. */
const frontMatterRead = new WeakMap<ArticleFile, { config: Config; article: Article }>();

/**
 * What project rules need of an article linted elsewhere (and what decides its publication): where
 * it is, its front matter, whether it parses. Read once per discovered file: lint asks it first
 * whether the file is published, then for the project list, of the same `ArticleFile`.
 */
export function frontMatterOnly(file: ArticleFile, config: Config, firstReads?: FirstReads): Article {
  const known = frontMatterRead.get(file);
  if (known?.config === config) return known.article;
  let content: Uint8Array | undefined;
  try {
    content = readFileSync(file.path);
  } catch {
    // Left undefined: the file is unparseable here (FirstReads.frontMatter).
  }
  const article = (firstReads ?? new FirstReads(config)).frontMatter(file, content);
  frontMatterRead.set(file, { config, article });
  return article;
}

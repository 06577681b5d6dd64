import { readFileSync } from 'node:fs';
import { parseArticle, type Article } from '../core/article.js';
import type { Config, RuleSeverity } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import { pathOrder, type ArticleFile } from '../core/discover.js';
import { wholeSiteFits } from '../core/article-store.js';
import { createProject, readArticleFile } from '../core/project.js';
import { assertModelRoom, readArticle } from '../core/read-articles.js';
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
 * (unique-slug, internal-links) see every file through its front matter, which is what they ask
 * of the files (link targets are read in full on demand). Findings are reported for the linted
 * files alone. The files are parsed and linted a few at a time, each dropped once linted, so that
 * what a file's lint makes dies young (see STREAM).
 */
export function lintFilesInProject(linted: readonly ArticleFile[], projectFiles: readonly ArticleFile[], options: LintFilesOptions): LintResult[] {
  // A linted file left out of the project (published: "false", in doubt) is reported on, but no other file sees it, as in build.
  const published = projectFiles.map(frontMatterReader(options)).sort(pathOrder);
  // Where the whole site fits the heap, a link target is parsed once for the run; past it, once per chunk.
  const fits = wholeSiteFits(linted, options.keepWholeHeap);
  const targets = fits ? new Map<string, Article | undefined>() : undefined;
  const size = fits ? STREAM : CHUNK;
  const { firstReads } = options;
  const results: LintResult[] = [];
  for (let i = 0; i < linted.length; i += size) {
    const articles = linted.slice(i, i + size).map((file) => firstReads?.take(file) ?? readArticle(file, options.cwd, options.config));
    for (const result of lintAgainst(articles, published, options, targets)) results.push(result);
  }
  return results;
}

/**
 * Files parsed and linted at a time. Parsed whole at their first read and held until the last was
 * linted, a project's articles (37.6 KB each) outlived V8's young generation, which copied them
 * and then marked them again and again: a cold one-thread lint of 4,000 articles took 2.06 s of
 * CPU and 1.48 s (median of 8, alternated), streamed 1.89 s and 1.34 s, with the same findings.
 * 8 and 64 measured alike.
 */
const STREAM = 64;
/** Files parsed and linted at a time where the linted files' parsed articles would not fit in memory together (wholeSiteFits: 30,000 articles held 1.8 GB). */
const CHUNK = 1000;

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
 * files not linted are in it by their front matter only; as link targets they are read in full,
 * on demand, once for each `targets` (by default once for this call).
 */
function lintAgainst(
  articles: readonly Article[],
  published: readonly Article[] | undefined,
  options: LintFilesOptions & { placeless?: boolean },
  targets?: Map<string, Article | undefined>,
): LintResult[] {
  const { config } = options;
  const load =
    targets &&
    ((file: string) => {
      if (!targets.has(file)) targets.set(file, readArticleFile(file, config));
      return targets.get(file);
    });
  return lintArticles(articles, {
    config,
    now: options.now,
    ruleOverrides: options.ruleOverrides,
    fix: options.fix,
    dependencies: options.dependencies,
    project: createProject({ config, articles, published, ...(load ? { load, remember: false } : {}) }),
    placeless: options.placeless,
  });
}

/** How the front matter of a project file not linted is had: from the caller (the lint cache's scan), or read from the file. */
function frontMatterReader(options: LintFilesOptions): (file: ArticleFile) => Article {
  return options.frontMatterOf ?? ((file: ArticleFile) => frontMatterOnly(file, options.config, options.firstReads));
}

/**
 * How each file is read first, which decides whether it is published and what project rules see
 * of it: its front matter only. The bytes of the files lint is about to parse whole (`parseWhole`)
 * are kept, with that front matter, until lint takes them, so that each file is read once and its
 * front matter parsed once (a cold one-thread lint of 4,000 articles that read each file twice and
 * parsed its front matter twice spent 186 of 2,800 ms on it); the Markdown is parsed when lint
 * takes the file, a few files at a time (lintFilesInProject).
 */
export class FirstReads {
  private whole: ReadonlySet<string> = new Set();
  private readonly kept = new Map<string, { content: Uint8Array; read: Article }>();

  /** `cwd`: what the paths in an error about a file too large for the heap are relative to. */
  constructor(
    private readonly config: Config,
    private readonly cwd = config.root,
  ) {}

  /** From now on the bytes of the files at these paths are kept at their first read, for lint to take. */
  parseWhole(files: readonly ArticleFile[]): void {
    this.whole = new Set(files.map((file) => file.path));
  }

  /**
   * What a front-matter read of a file whose bytes are `content` gives. Without bytes (the file
   * cannot be read) it is unparseable: whoever lints it reports why it cannot be read.
   */
  frontMatter(file: ArticleFile, content: Uint8Array | undefined): Article {
    const read = parseArticle({ ...file, content: content ?? new Uint8Array(), markdown: false, adopt: this.config });
    if (content && this.whole.has(file.path)) this.kept.set(file.path, { content, read });
    return read;
  }

  /** The whole article of a file whose bytes its first read kept, once: lint takes it instead of reading the file again. */
  take(file: ArticleFile): Article | undefined {
    const kept = this.kept.get(file.path);
    if (!kept) return undefined;
    this.kept.delete(file.path);
    // As readArticle does: a file whose model would not fit the heap left is an error naming it, not V8's fatal one.
    assertModelRoom(file, this.cwd, kept.content);
    return parseArticle({ ...file, content: kept.content, adopt: this.config, frontMatterRead: kept.read });
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

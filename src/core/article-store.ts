import { existsSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import type { Token } from 'marked';
import type { Article } from './article.js';
import type { Place } from './diagnostic.js';
import type { FrontMatter, FrontMatterProblem } from './front-matter.js';
import { LineIndex } from './line-index.js';
import { EMPTY_MARKDOWN, type Span } from './markdown.js';
import type { Config } from './config.js';
import type { ArticleFile } from './discover.js';
import { createProject, readArticleFile, type Project } from './project.js';
import { readArticle } from './read-articles.js';

/**
 * Heap in use up to which whole articles (tokens, prose, links) are kept once read. Beyond it an
 * article keeps its front matter only and is read again when its page is rendered or a link
 * points into it: memory then grows with what lists and project rules need of each article, not
 * with the site's text (100,000 articles stay within a few hundred megabytes).
 */
const KEEP_WHOLE_HEAP = 48 * 2 ** 20;
/** Whole articles read again and kept for a while (link targets are often the same few pages). */
const RECENT = 64;

/**
 * What the site and project rules need of an article not kept whole: where it is and its front
 * matter's values (copied: slices of the file's text would keep all of it alive), without their
 * places in the file, its text or its Markdown. Findings about a file are made from the whole
 * article, read again. About 0.6 KB besides the values, where a parsed article's model is tens.
 */
class FrontMatterOnly implements Article {
  readonly data: Record<string, unknown>;
  readonly frontMatter?: FrontMatter;
  readonly problem?: FrontMatterProblem;
  readonly bom: boolean;

  constructor(
    readonly path: string,
    readonly relPath: string,
    whole: Article,
  ) {
    const copy = structuredClone({ data: whole.data, spelled: whole.frontMatter?.spelled, duplicates: whole.frontMatter?.duplicates, problem: whole.problem });
    this.data = copy.data;
    this.frontMatter = whole.frontMatter && { data: copy.data, places: {}, spelled: copy.spelled, duplicates: copy.duplicates, yaml: '', start: 0, end: 0 };
    this.problem = copy.problem;
    this.bom = whole.bom;
  }

  get tokens() {
    return EMPTY_MARKDOWN.tokens;
  }
  get headings() {
    return EMPTY_MARKDOWN.headings;
  }
  get links() {
    return EMPTY_MARKDOWN.links;
  }
  get html() {
    return EMPTY_MARKDOWN.html;
  }
  get prose() {
    return EMPTY_MARKDOWN.prose;
  }
  get source() {
    return '';
  }
  get body() {
    return '';
  }
  get bodyStart() {
    return 0;
  }
  get bodyLine() {
    return 1;
  }
  get lines() {
    return NO_LINES;
  }
  spanOf(token: Token): Span {
    return EMPTY_MARKDOWN.spanOf(token);
  }
  place(): Place {
    return { line: 1, column: 1 };
  }
  offsetOf(): number {
    return 0;
  }
  sourceOffset(): number {
    return 0;
  }
  headingAt(): undefined {
    return undefined;
  }
}

const NO_LINES = new LineIndex('');

/**
 * The articles of one build, each read and parsed once in file order. Whole articles are kept
 * while the heap allows (a site of a few thousand articles is parsed exactly once); the rest are
 * read again on demand. Results never depend on which were kept.
 */
export class ArticleStore {
  private readonly kept = new Map<string, Article>();
  private readonly files = new Map<string, ArticleFile>();
  private readonly recent = new Map<string, Article>();

  constructor(
    private readonly config: Config,
    private readonly cwd: string,
    private readonly keepWholeHeap: number = KEEP_WHOLE_HEAP,
  ) {}

  /** Reads and parses a file; `use` sees the whole article and the file's bytes. Returns it whole or, past the heap budget, its front matter only. */
  read(file: ArticleFile, use?: (article: Article, bytes: Buffer) => void): Article {
    this.files.set(file.path, file);
    let bytes: Buffer | undefined;
    const article = readArticle(file, this.cwd, this.config, (content) => (bytes = content));
    use?.(article, bytes!);
    if (getHeapStatistics().used_heap_size < this.keepWholeHeap) {
      this.kept.set(file.path, article);
      return article;
    }
    return new FrontMatterOnly(file.path, file.relPath, article);
  }

  /** True when the store keeps the whole article of a file it read. */
  keeps(path: string): boolean {
    return this.kept.has(path);
  }

  /** The whole article at an absolute path this store read: kept, recently read again, or read again now; undefined for another path. */
  whole(path: string): Article | undefined {
    const kept = this.kept.get(path);
    if (kept) return kept;
    const file = this.files.get(path);
    if (!file) return undefined;
    let again = this.recent.get(path);
    if (again) {
      // Most recently used last, so the oldest goes first.
      this.recent.delete(path);
    } else {
      again = readArticle(file, this.cwd, this.config);
      if (this.recent.size >= RECENT) this.recent.delete(this.recent.keys().next().value!);
    }
    this.recent.set(path, again);
    return again;
  }

  /** The project of the build: `published` as project rules see the site; any article read, drafts too, whole on demand. */
  project(published: readonly Article[]): Project {
    return createProject({
      config: this.config,
      articles: [],
      published,
      // The store keeps what it can; a project that kept every article it loaded would hold the site.
      remember: false,
      load: (file) => (this.files.has(file) ? this.whole(file) : readArticleFile(file, this.config)),
      exists: (file) => this.files.has(file) || existsSync(file),
    });
  }
}

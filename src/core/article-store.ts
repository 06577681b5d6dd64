import { existsSync, statSync } from 'node:fs';
import { articleFromRecord, frontMatterRecord, type Article, type FrontMatterRecord } from './article.js';
import type { Config } from './config.js';
import type { ArticleFile } from './discover.js';
import { createProject, readArticleFile, type Project } from './project.js';
import { readArticle } from './read-articles.js';
import { StringPool } from './string-pool.js';

/**
 * The heap a site's whole articles (tokens, prose, links) may take. A site whose articles fit in
 * it keeps each one once read, and is parsed exactly once; a larger one keeps none: each article
 * keeps its front matter only and is read again when its page is rendered or a link points into
 * it, so memory grows with what lists and project rules need of each article, not with the site's
 * text (100,000 articles stay within a few hundred megabytes). Deciding for the whole site, rather
 * than keeping articles until the heap is full, gives every site above the budget the same cost
 * per article. Measured on 4,000 articles of 6.6 KB: kept whole, 10.3 s and 390 MB; read again,
 * 14.4 s and 252 MB.
 */
export const KEEP_WHOLE_HEAP = 192 * 2 ** 20;
/**
 * Heap a parsed article takes: so much per byte of its file, and so much whatever its size (its
 * tokens, line index, headings and links). Measured: generated articles of 6.1 KB take 37.6 KB
 * each, tldr-pages' English and Spanish pages of 0.6 KB 16.8-17.8 KB, healthcare.gov's Jekyll
 * posts of 1.1 KB 18.4 KB. By file size alone, 38,365 tldr pages (21 MB) were judged to fit in
 * 125 MB and took 970 MB resident, kept whole.
 */
const MODEL_BYTES_PER_FILE_BYTE = 4;
const MODEL_BYTES_PER_ARTICLE = 16 * 2 ** 10;
/** Files whose size the site's is judged from. */
const SAMPLE = 32;

/**
 * Whether a site's parsed articles fit in `budget` bytes of heap (default KEEP_WHOLE_HEAP), judged
 * from the size of its first files: build then keeps them whole.
 */
export function wholeSiteFits(files: readonly ArticleFile[], budget = KEEP_WHOLE_HEAP): boolean {
  if (budget === 0) return false;
  const sample = files.slice(0, SAMPLE);
  let bytes = 0;
  for (const file of sample) {
    try {
      bytes += statSync(file.path).size;
    } catch {
      // Unreadable: reading it reports why.
    }
  }
  return sample.length === 0 || ((bytes / sample.length) * MODEL_BYTES_PER_FILE_BYTE + MODEL_BYTES_PER_ARTICLE) * files.length <= budget;
}

/** Whole articles read again and kept for a while (link targets are often the same few pages). */
const RECENT = 64;

/**
 * The articles of one build, each read and parsed once in file order. Whole articles are kept
 * when the site's fit the budget (a site of a few thousand articles is parsed exactly once);
 * otherwise they are read again on demand. Results never depend on whether they were kept.
 */
export class ArticleStore {
  private readonly kept = new Map<string, Article>();
  private readonly files = new Map<string, ArticleFile>();
  private readonly recent = new Map<string, Article>();
  /** One copy of the values many articles share, for the front matter kept of a site past the budget. */
  readonly pool = new StringPool();

  /** `keepWhole`: keep each article whole once read (wholeSiteFits says whether the site's would fit). */
  constructor(
    private readonly config: Config,
    private readonly cwd: string,
    private readonly keepWhole: boolean,
  ) {}

  /** Reads and parses a file; `use` sees the whole article and the file's bytes. Returns it whole or, for a site past the budget, its front matter only. */
  read(file: ArticleFile, use?: (article: Article, bytes: Buffer) => void): Article {
    this.files.set(file.path, file);
    let bytes: Buffer | undefined;
    const article = readArticle(file, this.cwd, this.config, (content) => (bytes = content));
    use?.(article, bytes!);
    if (this.keepWhole) {
      this.kept.set(file.path, article);
      return article;
    }
    // A copy: the values are slices of the file's text, which would keep all of it alive.
    return articleFromRecord(file, this.pool.share(structuredClone(frontMatterRecord(article))));
  }

  /** Takes in a file's front matter kept from an earlier run (the build's cache), unread: it is read whole only when needed. */
  known(file: ArticleFile, record: FrontMatterRecord): Article {
    this.files.set(file.path, file);
    return articleFromRecord(file, this.pool.share(record));
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

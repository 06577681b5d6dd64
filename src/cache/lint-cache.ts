import { existsSync, readFileSync } from 'node:fs';
import pkg from '../../package.json' with { type: 'json' };
import { articleFromRecord, frontMatterRecord, MARKDOWN_PROBLEMS, type Article, type FrontMatterRecord } from '../core/article.js';
import type { Config, RuleSeverity } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import { articleRelPath, type ArticleFile, type Discovery } from '../core/discover.js';
import { projectFileCheck } from '../core/project-file.js';
import { unpublishedReason, type PublishOptions, type Unpublished } from '../core/publication.js';
import type { LintDependencies, LintResult } from '../lint/engine.js';
import { FirstReads } from '../lint/lint-files.js';
import type { BodyFacts } from '../render/site-model.js';
import { CacheMap, cacheIsCommitted, healthmdDigest, sha256, statKey } from './cache-file.js';

/** A file's findings as kept: the result without its path (the entry's) and what they depend on. */
interface StoredLint {
  result: Omit<LintResult, 'filePath' | 'dependencies' | 'output'>;
  articles: Array<[string, string]>;
  exists: Array<[string, boolean]>;
  projectFiles: Array<[string, boolean]>;
  /** The project signature the findings were made against, when a rule read the project's articles. */
  project?: string;
}

/**
 * What the cache knows of one file, valid while the file's bytes have this digest: kept in the
 * project index, one small file, so that a one-file lint learns what is published and the
 * project's signature from it without reading any file's record or findings.
 */
interface IndexEntry {
  hash: string;
  /** The file's size, change times and inode when `hash` was taken (statKey): while they hold, the file is not read. */
  stat?: string;
  /** Digest of what project rules read of this file (its front matter and whether it parses). */
  meta: string;
  /** unpublishedReason of the file's article under today's date, by publishFlags ('' when published), as far as asked. */
  reasons?: Record<string, Unpublished | ''>;
}

/** What is kept of the same bytes in the shards, read only when needed: the front matter and the findings. */
interface Detail {
  hash: string;
  /** The front matter as parsed (build keeps the record its own front-matter-only article holds, so keeping it costs no memory). */
  record?: FrontMatterRecord;
  /** What build's lists show of the body (its first heading as a title, the excerpt): kept by build, so a rebuild need not parse an unchanged file. */
  facts?: BodyFacts;
  lint?: StoredLint;
}

/**
 * The project's articles as the last walk of its articles folder found them: they hold while every
 * folder it read has the size, times and inode it had then (adding, removing or renaming an entry
 * changes its folder's), so a one-file lint need not read 4,000 folder entries again.
 */
interface Listing {
  /** Each folder read, by absolute path, with its statKey from after its entries were read. */
  folders: Array<[string, string]>;
  /** The articles found, by absolute path, in discovery's order. */
  files: string[];
}

/** The one entry of the listing map. */
const LISTING = 'articles';

export interface LintCacheOptions {
  config: Config;
  now: CalendarDate;
  ruleOverrides?: Record<string, RuleSeverity>;
  /** How a file the cache does not know is parsed (by default its front matter only). */
  firstReads?: FirstReads;
  /** Says why the cache was not used or not saved; lint goes on cold. */
  warn(message: string): void;
}

/** A file missing or unreadable, as a dependency's digest. */
const MISSING = '';

/**
 * Lint findings kept between runs in `.healthmd/`, addressed by content: an entry is used only
 * while the file's bytes, healthmd (its version and code), the config, the rule settings and today
 * are what they were, and so is everything its rules asked of the project (other articles' bytes,
 * other files' existence, and for project rules the front matter of every published article).
 */
export class LintCache {
  /** The project index: one entry per file, read whole. */
  private readonly index: CacheMap<IndexEntry>;
  /** Records and findings by file, in shards read as their files are asked about. */
  private readonly details: CacheMap<Detail>;
  /** The last walk of the articles folder (LISTING), one small file. */
  private readonly listing: CacheMap<Listing>;
  private readonly hashes = new Map<string, string>();
  /** Each file's statKey as first taken this run: it stands for the bytes read after it, whoever asks. */
  private readonly stats = new Map<string, string | undefined>();
  /** The front matter read this run, by path: each file is read once. */
  private readonly articles = new Map<string, Article>();
  private readonly isProjectFile: (file: string) => boolean;
  /** How a file the cache does not know is parsed (LintCacheOptions.firstReads). */
  private readonly firstReads: FirstReads;
  /** Build's files, as they were just before it read them (see `unchanged` and `adopt`). */
  private readonly statsBeforeRead = new Map<string, string | undefined>();
  /**
   * The findings of a file with none that depend on nothing but its own bytes, by the project
   * signature they were made against: one object for every such file (most of a site's articles
   * are), where each would otherwise keep five objects until the cache is saved (about 300 bytes
   * an article, 30 MB at 100,000). Never changed in place: `result` copies what it hands out.
   */
  private readonly cleanLints = new Map<string | undefined, StoredLint>();

  private constructor(
    private readonly options: LintCacheOptions,
    index: CacheMap<IndexEntry>,
    details: CacheMap<Detail>,
    listing: CacheMap<Listing>,
    /** False when the cache folder is not this machine's to write (committed to git). */
    private readonly saving = true,
  ) {
    this.index = index;
    this.details = details;
    this.listing = listing;
    this.isProjectFile = projectFileCheck(options.config.root);
    this.firstReads = options.firstReads ?? new FirstReads(options.config);
  }

  /** False when the cache folder came with the checkout (committed to git): nothing in it may be trusted, by any cache. */
  get trusted(): boolean {
    return this.saving;
  }

  static open(options: LintCacheOptions): LintCache {
    const { config } = options;
    const key = sha256(JSON.stringify([pkg.version, healthmdDigest(), config, options.ruleOverrides ?? {}, options.now]));
    const index = new CacheMap<IndexEntry>(config.root, 'lint', key, { name: 'index', shards: 1, json: true });
    const details = new CacheMap<Detail>(config.root, 'lint', key);
    const listing = new CacheMap<Listing>(config.root, 'lint', key, { name: 'listing', shards: 1, json: true });
    if (cacheIsCommitted(config.root)) {
      options.warn('.healthmd/ is committed to git, so its cache is not used (a checkout must not bring its own findings): remove it from git (git rm -r --cached .healthmd)');
      return new LintCache(options, index, details, listing, false);
    }
    return new LintCache(options, index.load(), details.load(), listing.load());
  }

  /**
   * The whole project's articles, as `walk` (a discovery of the articles folder) finds them: from
   * the listing the last walk left while none of the folders it read has changed since. A walk is
   * kept only when it met no problem and no symbolic link (what a link leads to can change while
   * no folder does), and when no folder it read changed within SETTLED_MS before it began.
   */
  projectFiles(walk: () => Discovery): Discovery {
    const kept = this.listing.get(LISTING);
    if (kept && kept.folders.every(([folder, stat]) => statKey(folder) === stat)) {
      const { config } = this.options;
      return { files: kept.files.map((file) => ({ path: file, relPath: articleRelPath(config, file) })), problems: [], folders: kept.folders.map(([folder]) => folder), links: 0 };
    }
    const started = Date.now();
    const discovery = walk();
    const folders: Listing['folders'] = [];
    if (discovery.problems.length === 0 && discovery.links === 0) {
      for (const folder of discovery.folders) {
        const stat = statKey(folder, { settledBefore: started });
        if (stat === undefined) break;
        folders.push([folder, stat]);
      }
    }
    if (folders.length > 0 && folders.length === discovery.folders.length) this.listing.set(LISTING, { folders, files: discovery.files.map((file) => file.path) });
    else if (kept) this.listing.delete(LISTING);
    return discovery;
  }

  /** The front matter of a file, as frontMatterOnly reads it: from the cache while the file is unchanged. */
  frontMatter(file: ArticleFile): Article {
    let article = this.articles.get(file.path);
    if (article) return article;
    const entry = this.index.get(file.path);
    const stat = this.statOf(file.path);
    if (entry && stat !== undefined && entry.stat === stat) {
      // Size, times and inode as when its bytes were digested: not read again, as git trusts its index.
      this.hashes.set(file.path, entry.hash);
      const record = this.record(file.path, entry.hash);
      if (record) article = articleFromRecord(file, record);
    }
    if (!article) {
      const bytes = readBytes(file.path);
      const hash = this.hashBytes(file.path, bytes);
      const record = entry?.hash === hash ? this.record(file.path, hash) : undefined;
      if (record) {
        article = articleFromRecord(file, record);
      } else {
        article = this.firstReads.frontMatter(file, bytes);
        const detail = this.details.get(file.path);
        // Findings of the same bytes still hold.
        if (detail?.hash === hash) {
          detail.record = frontMatterRecord(article);
          this.details.touch(file.path);
        } else {
          this.details.set(file.path, { hash, record: frontMatterRecord(article) });
        }
      }
      if (entry?.hash === hash) {
        entry.stat = stat;
        this.index.touch(file.path);
      } else {
        this.index.set(file.path, { hash, meta: metaDigest(article), stat });
      }
    }
    this.articles.set(file.path, article);
    return article;
  }

  /**
   * Why build would not publish a file (unpublishedReason), from the project index while the file
   * is unchanged: a one-file lint decides what the project is without reading its articles.
   */
  unpublishedReason(file: ArticleFile, publish: PublishOptions): Unpublished | undefined {
    if (publish.now !== this.options.now) return unpublishedReason(this.frontMatter(file), publish);
    const flags = publishFlags(publish);
    let entry = this.index.get(file.path);
    const known = entry?.reasons?.[flags];
    if (known !== undefined) {
      const stat = this.statOf(file.path);
      if (stat !== undefined && entry!.stat === stat) {
        this.hashes.set(file.path, entry!.hash);
        return known || undefined;
      }
    }
    const reason = unpublishedReason(this.frontMatter(file), publish);
    // frontMatter made the entry afresh if the file changed.
    entry = this.index.get(file.path)!;
    if (entry.reasons?.[flags] !== (reason ?? '')) {
      entry.reasons = { ...entry.reasons, [flags]: reason ?? '' };
      this.index.touch(file.path);
    }
    return reason;
  }

  /**
   * Takes in a file another reader parsed whole (build's ArticleStore), so that it is not read
   * again here: `kept.record` is the front matter the reader keeps, `kept.facts` what its lists show of the body.
   */
  adopt(file: ArticleFile, bytes: Uint8Array, article: Article, kept: { record: FrontMatterRecord; facts: BodyFacts }): void {
    // What only the Markdown parse finds (a body too complex) a front-matter read does not: such a record would differ.
    if (article.problem && MARKDOWN_PROBLEMS.has(article.problem.messageId)) return;
    const hash = this.hashBytes(file.path, bytes);
    // Taken before the file was read (by `unchanged`): a change made while it was read shows next time.
    const stat = this.statsBeforeRead.get(file.path);
    this.statsBeforeRead.delete(file.path);
    const entry = this.index.get(file.path);
    if (entry?.hash !== hash) this.index.set(file.path, { hash, meta: metaDigest(article), stat });
    else if (entry.stat !== stat) {
      entry.stat = stat;
      this.index.touch(file.path);
    }
    const detail = this.details.get(file.path);
    if (detail?.hash !== hash) this.details.set(file.path, { hash, ...kept });
    else if (!detail.facts) {
      Object.assign(detail, kept);
      this.details.touch(file.path);
    }
  }

  /**
   * The front matter and body facts build kept of a file, while the file is unchanged since (by
   * its size, times and inode, as `frontMatter` trusts them): the file is then not read at all.
   */
  unchanged(file: ArticleFile): { record: FrontMatterRecord; facts: BodyFacts } | undefined {
    const entry = this.index.get(file.path);
    const stat = this.statOf(file.path);
    const detail = entry && stat !== undefined && entry.stat === stat ? this.details.get(file.path) : undefined;
    if (!detail?.record || !detail.facts || detail.hash !== entry!.hash) {
      this.statsBeforeRead.set(file.path, stat);
      return undefined;
    }
    this.hashes.set(file.path, detail.hash);
    return { record: detail.record, facts: detail.facts };
  }

  /** The SHA-256 of a file's bytes as this run knows them (read now if not yet). */
  digest(path: string): string {
    return this.hash(path);
  }

  /** A digest of what project rules read of the project: its published articles' paths and front matter. */
  projectSignature(project: readonly ArticleFile[]): string {
    const parts: string[] = [];
    for (const file of project) {
      const known = this.hashes.get(file.path);
      if (known === undefined || this.index.get(file.path)?.hash !== known) this.frontMatter(file);
      parts.push(`${file.relPath}\0${this.index.get(file.path)!.meta}`);
    }
    return sha256(parts.join('\0'));
  }

  /** The findings kept for a file, if they still hold. */
  result(file: ArticleFile, projectSignature: string): LintResult | undefined {
    const hash = this.hash(file.path);
    const detail = this.details.get(file.path);
    const lint = detail?.lint;
    if (!lint || detail.hash !== hash) return undefined;
    if (lint.project !== undefined && lint.project !== projectSignature) return undefined;
    if (lint.articles.some(([path, hash]) => this.hash(path) !== hash)) return undefined;
    if (lint.exists.some(([path, exists]) => existsSync(path) !== exists)) return undefined;
    if (lint.projectFiles.some(([path, is]) => this.isProjectFile(path) !== is)) return undefined;
    // A copy of the messages: results of clean files share one stored list (cleanLints).
    return { filePath: file.path, ...lint.result, messages: [...lint.result.messages] };
  }

  /** Keeps a fresh result (made with `dependencies`), and returns it without them. */
  remember(result: LintResult, projectSignature: string): LintResult {
    const { dependencies, filePath, output, ...rest } = result;
    const hash = this.index.get(filePath)?.hash;
    if (dependencies && hash !== undefined && output === undefined && hash === this.hash(filePath)) {
      const lint = this.cleanLint(rest, dependencies, projectSignature) ?? storedLint(rest, dependencies, projectSignature, (path) => this.hash(path), (path) => this.isProjectFile(path));
      const detail = this.details.get(filePath);
      if (detail?.hash === hash) {
        detail.lint = lint;
        this.details.touch(filePath);
      } else {
        this.details.set(filePath, { hash, lint });
      }
    }
    return output === undefined ? { filePath, ...rest } : { filePath, ...rest, output };
  }

  /**
   * Writes the cache when something changed. `scanned`: the whole project was seen, so entries of
   * files that are gone are dropped. A cache that cannot be written is said once; lint goes on.
   */
  save(scanned?: readonly ArticleFile[]): void {
    if (!this.saving) return;
    if (scanned) {
      const seen = new Set(scanned.map((file) => file.path));
      for (const store of [this.index, this.details]) for (const path of store.names()) if (!seen.has(path)) store.delete(path);
    }
    try {
      this.listing.save();
      this.details.save();
      // The index last: it is what says which details hold.
      this.index.save();
    } catch (error) {
      this.options.warn(`could not write the cache in .healthmd/ (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next run starts cold`);
    }
  }

  /** The one StoredLint of clean files without dependencies (cleanLints), for a result that is one. */
  private cleanLint(result: StoredLint['result'], dependencies: LintDependencies, projectSignature: string): StoredLint | undefined {
    const { articles, exists, projectFiles, projectWide } = dependencies;
    if (result.messages.length > 0 || articles.length > 0 || exists.length > 0 || projectFiles.length > 0) return undefined;
    const project = projectWide ? projectSignature : undefined;
    let clean = this.cleanLints.get(project);
    // Without messages every count is 0.
    if (!clean) this.cleanLints.set(project, (clean = { result: { ...result, messages: [] }, articles: [], exists: [], projectFiles: [], project }));
    return clean;
  }

  /** The front-matter record kept for these bytes, if any. */
  private record(path: string, hash: string): FrontMatterRecord | undefined {
    const detail = this.details.get(path);
    return detail?.hash === hash ? detail.record : undefined;
  }

  private statOf(path: string): string | undefined {
    if (!this.stats.has(path)) this.stats.set(path, statKey(path));
    return this.stats.get(path);
  }

  private hash(path: string): string {
    return this.hashes.get(path) ?? this.hashBytes(path, readBytes(path));
  }

  private hashBytes(path: string, bytes: Uint8Array | undefined): string {
    let hash = this.hashes.get(path);
    if (hash === undefined) this.hashes.set(path, (hash = bytes ? sha256(bytes) : MISSING));
    return hash;
  }
}

/** The publication flags as a key of IndexEntry.reasons. */
function publishFlags(publish: PublishOptions): string {
  return `${publish.drafts ? 'd' : ''}${publish.future ? 'f' : ''}`;
}

/** What project rules read of a file: its front matter and whether it parses. */
function metaDigest(article: Article): string {
  return sha256(`${article.source.slice(0, article.bodyStart)}\0${article.problem?.messageId ?? ''}`);
}

function storedLint(
  result: StoredLint['result'],
  dependencies: LintDependencies,
  projectSignature: string,
  hash: (path: string) => string,
  isProjectFile: (path: string) => boolean,
): StoredLint {
  return {
    result,
    articles: dependencies.articles.map((path) => [path, hash(path)]),
    exists: dependencies.exists.map((path) => [path, existsSync(path)]),
    projectFiles: dependencies.projectFiles.map((path) => [path, isProjectFile(path)]),
    project: dependencies.projectWide ? projectSignature : undefined,
  };
}

function readBytes(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** The folder of the incremental cache, at the project root (`init` adds it to .gitignore). */
export const CACHE_DIR = '.healthmd';

/** Bumped whenever what a cache file holds changes shape: older files are then foreign. */
const FORMAT = 'healthmd-cache/2';
const DIGEST_BYTES = 32;
/** Caches of one kind kept side by side (a lint and a build's lint gate use different rule settings). */
const KEEP = 4;

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('base64url');

let codeDigest: string | undefined;
/**
 * A digest of the running healthmd (the bundle it runs from, or this module from the source tree):
 * an unreleased change to a rule must not be answered from a cache made before it.
 */
export function healthmdDigest(): string {
  if (codeDigest === undefined) {
    try {
      codeDigest = sha256(readFileSync(fileURLToPath(import.meta.url)));
    } catch {
      codeDigest = 'unknown';
    }
  }
  return codeDigest;
}

/**
 * One file of the cache: a SHA-256 digest of the payload, then the payload (a V8-serialised value
 * with the format and the key it was made for). `readCacheFile` returns undefined for anything
 * else: a missing, truncated, corrupted, foreign or older file is never trusted, only replaced.
 */
function readCacheFile<T>(file: string, key: string): T | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= DIGEST_BYTES) return undefined;
  const payload = bytes.subarray(DIGEST_BYTES);
  if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(0, DIGEST_BYTES))) return undefined;
  try {
    const stored = deserialize(payload) as { format?: unknown; key?: unknown; value?: T };
    return stored?.format === FORMAT && stored.key === key ? stored.value : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces a cache file in one rename. Throws on I/O errors. */
function writeCacheFile(file: string, key: string, value: unknown): void {
  const payload = serialize({ format: FORMAT, key, value });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * A map kept in the cache folder, in `shards` files by key, so that a run that changes a few entries
 * rewrites a few files, not all of them. Each shard is checked on its own: a damaged one is
 * dropped (its entries are made again), the others are used. A shard is read when one of its
 * entries is first asked for: a one-file lint reads the shard of its file, not all of them.
 */
export class CacheMap<V> {
  private readonly entries = new Map<string, V>();
  private readonly dir: string;
  private readonly dirty = new Set<number>();
  /** Shards whose file is yet to be read; empty until load(). */
  private readonly unread = new Set<number>();
  private readonly shards: number;
  private readonly prefix: string;

  /**
   * `kind` names the folder (its caches are kept KEEP deep, by age); `options.name` tells apart
   * maps kept in the same folder, and `options.shards` (default 16) says in how many files.
   */
  constructor(
    private readonly root: string,
    private readonly kind: string,
    private readonly key: string,
    options: { name?: string; shards?: number } = {},
  ) {
    this.dir = path.join(root, CACHE_DIR, `${kind}-${key.slice(0, 24)}`);
    this.shards = options.shards ?? SHARDS;
    this.prefix = options.name ? `${options.name}-` : '';
  }

  /** Reads what an earlier run kept (each shard when first needed). */
  load(): this {
    for (let shard = 0; shard < this.shards; shard++) this.unread.add(shard);
    return this;
  }

  get(name: string): V | undefined {
    this.read(this.shardOf(name));
    return this.entries.get(name);
  }

  names(): string[] {
    for (const shard of [...this.unread]) this.read(shard);
    return [...this.entries.keys()];
  }

  set(name: string, value: V): void {
    const shard = this.shardOf(name);
    // Read first: the shard is written whole, and must keep the entries this run did not ask for.
    this.read(shard);
    this.entries.set(name, value);
    this.dirty.add(shard);
  }

  /** Marks an entry changed in place. */
  touch(name: string): void {
    this.dirty.add(this.shardOf(name));
  }

  delete(name: string): void {
    const shard = this.shardOf(name);
    this.read(shard);
    if (this.entries.delete(name)) this.dirty.add(shard);
  }

  get changed(): boolean {
    return this.dirty.size > 0;
  }

  /** Writes the shards that changed, and removes the oldest folders of this kind beyond KEEP. Throws on I/O errors. */
  save(): void {
    if (this.dirty.size === 0) return;
    mkdirSync(this.dir, { recursive: true });
    for (const shard of this.dirty) this.read(shard);
    const shards = new Map<number, Array<[string, V]>>([...this.dirty].map((shard) => [shard, []]));
    for (const [name, entry] of this.entries) shards.get(this.shardOf(name))?.push([name, entry]);
    for (const [shard, entries] of shards) writeCacheFile(this.shardFile(shard), this.key, entries);
    this.dirty.clear();
    const parent = path.join(this.root, CACHE_DIR);
    const siblings = readdirSync(parent, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith(`${this.kind}-`))
      .map((entry) => path.join(parent, entry.name));
    if (siblings.length <= KEEP) return;
    const byAge = siblings.map((dir) => ({ dir, mtime: statSync(dir).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
    for (const { dir } of byAge.slice(KEEP)) rmSync(dir, { recursive: true, force: true });
  }

  private read(shard: number): void {
    if (!this.unread.delete(shard)) return;
    const value = readCacheFile<Array<[string, V]>>(this.shardFile(shard), this.key);
    if (Array.isArray(value)) for (const [name, entry] of value) this.entries.set(name, entry);
  }

  private shardFile(shard: number): string {
    return path.join(this.dir, `${this.prefix}${shard.toString(16)}.v8`);
  }

  private shardOf(name: string): number {
    if (this.shards === 1) return 0;
    let hash = 0;
    for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) | 0;
    return (hash >>> 0) % this.shards;
  }
}

const SHARDS = 16;

/**
 * True when git tracks files under the project's cache folder. A cache that came with the
 * checkout (a pull request can add one) could claim that any article is clean, so it is not
 * read: only a cache this machine's own runs made, or the CI's cache restored, is.
 */
export function cacheIsCommitted(root: string): boolean {
  if (!existsSync(path.join(root, CACHE_DIR))) return false;
  const result = spawnSync('git', ['ls-files', '-z', '--', CACHE_DIR], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0 && result.stdout.length > 0;
}

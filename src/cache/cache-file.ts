import crypto, { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** The folder of the incremental cache, at the project root (`init` adds it to .gitignore). */
export const CACHE_DIR = '.healthmd';

/** Bumped whenever what a cache file holds changes shape: older files are then foreign. */
const FORMAT = 'healthmd-cache/3';
const DIGEST_BYTES = 32;
/** Caches of one kind kept side by side (a lint and a build's lint gate use different rule settings). */
const KEEP = 4;

/**
 * crypto.hash (Node 20.12 and later) digests a short text in about 60 % of createHash's time (a
 * page's inputs, 300 bytes: 1.6 µs against 2.6 µs), which every page of a rebuild asks for.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'base64url') => string }).hash;

export const sha256 = (data: string | Uint8Array): string => (oneShot ? oneShot('sha256', data, 'base64url') : createHash('sha256').update(data).digest('base64url'));

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
 * Entries V8-serialised together in one piece of a cache file. A file is written and read a piece
 * at a time: serialising a 100,000-article project's index (21 MB) in one piece took twice that
 * in buffers at the end of the build, and the memory stayed with the process.
 */
const PIECE_ENTRIES = 1024;
const LENGTH_BYTES = 4;

/** How the pieces of a cache file are written. */
interface Codec {
  extension: string;
  encode(value: unknown): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

/** V8's serialisation: any structured value (front-matter records hold dates). */
const V8: Codec = { extension: 'v8', encode: serialize, decode: deserialize };

/**
 * JSON, for maps of plain strings, numbers and lists, which V8 serialisation holds too but reads
 * back at half the speed (a 4,000-article index: 12-18 ms against 6).
 */
const JSON_CODEC: Codec = {
  extension: 'json',
  encode: (value) => Buffer.from(JSON.stringify(value)),
  decode: (bytes) => JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')),
};

/**
 * One file of the cache: a SHA-256 digest of the payload, then the payload: pieces, each its length
 * (4 bytes) and a V8-serialised value; the first holds the format, the key the file was made for and
 * the count of entries, each further one a list of entries. `readCacheFile` returns undefined for
 * anything else: a missing, truncated, corrupted, foreign or older file is never trusted, only replaced.
 */
function readCacheFile<V>(file: string, key: string, codec: Codec): Array<[string, V]> | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= DIGEST_BYTES) return undefined;
  const payload = bytes.subarray(DIGEST_BYTES);
  if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(0, DIGEST_BYTES))) return undefined;
  let at = 0;
  const piece = (): unknown => {
    if (at + LENGTH_BYTES > payload.length) throw new Error('truncated');
    const end = at + LENGTH_BYTES + payload.readUInt32LE(at);
    if (end > payload.length) throw new Error('truncated');
    const value = codec.decode(payload.subarray(at + LENGTH_BYTES, end));
    at = end;
    return value;
  };
  try {
    const head = piece() as { format?: unknown; key?: unknown; count?: unknown } | undefined;
    if (head?.format !== FORMAT || head.key !== key) return undefined;
    const entries: Array<[string, V]> = [];
    while (at < payload.length) {
      const more = piece();
      if (!Array.isArray(more)) return undefined;
      for (const entry of more) entries.push(entry);
    }
    return entries.length === head.count ? entries : undefined;
  } catch {
    return undefined;
  }
}

/** Replaces a cache file in one rename, writing it a piece at a time (the named entries of `entries`). Throws on I/O errors. */
function writeCacheFile(file: string, key: string, names: readonly string[], entries: ReadonlyMap<string, unknown>, codec: Codec): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, 'w');
    try {
      const digest = createHash('sha256');
      let written = 0;
      const write = (value: unknown) => {
        const bytes = codec.encode(value);
        const length = Buffer.alloc(LENGTH_BYTES);
        length.writeUInt32LE(bytes.length);
        for (const part of [length, bytes]) {
          digest.update(part);
          writeAll(fd, part, DIGEST_BYTES + written);
          written += part.length;
        }
      };
      write({ format: FORMAT, key, count: names.length });
      for (let i = 0; i < names.length; i += PIECE_ENTRIES) write(names.slice(i, i + PIECE_ENTRIES).map((name) => [name, entries.get(name)]));
      // The digest goes first, once the payload is known.
      writeAll(fd, digest.digest(), 0);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** Writes all of `bytes` at `position` in the file. */
function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at, position + at);
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
  private readonly codec: Codec;

  /**
   * `kind` names the folder (its caches are kept KEEP deep, by age); `options.name` tells apart
   * maps kept in the same folder, and `options.shards` (default 16) says in how many files.
   * `options.json`: the values are plain data (strings, numbers, lists, objects of them), kept as JSON.
   */
  constructor(
    private readonly root: string,
    private readonly kind: string,
    private readonly key: string,
    options: { name?: string; shards?: number; json?: boolean } = {},
  ) {
    this.dir = path.join(root, CACHE_DIR, `${kind}-${key.slice(0, 24)}`);
    this.shards = options.shards ?? SHARDS;
    this.prefix = options.name ? `${options.name}-` : '';
    this.codec = options.json ? JSON_CODEC : V8;
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
    // Names, not [name, entry] pairs: a pair for each of 100,000 entries took 6.9 MB while they were written.
    const shards = new Map<number, string[]>([...this.dirty].map((shard) => [shard, []]));
    for (const name of this.entries.keys()) shards.get(this.shardOf(name))?.push(name);
    for (const [shard, names] of shards) writeCacheFile(this.shardFile(shard), this.key, names, this.entries, this.codec);
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
    const value = readCacheFile<V>(this.shardFile(shard), this.key, this.codec);
    if (value) for (const [name, entry] of value) this.entries.set(name, entry);
  }

  private shardFile(shard: number): string {
    return path.join(this.dir, `${this.prefix}${shard.toString(16)}.${this.codec.extension}`);
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
 * How long before a moment a file's last change must be for its times to tell every later change:
 * a file system's clock can lag by a tick, or count in seconds (two on FAT), and a change within
 * the same tick as the last one leaves the times as they were.
 */
const SETTLED_MS = 3000;

/**
 * What changes whenever a file's bytes do (short of tampering with its times): size, modification
 * and change times, inode. `changeTime: false` leaves the change time out, for a file whose links
 * come and go while its bytes stay (build's output, hard-linked into each new folder).
 * `settledBefore` (a time in ms): undefined also when either of its times is less than SETTLED_MS
 * before it, for a key that must tell every change made from that time on.
 */
export function statKey(file: string, { changeTime = true, settledBefore }: { changeTime?: boolean; settledBefore?: number } = {}): string | undefined {
  try {
    const stat = statSync(file);
    // Both times: a change made before this stat may have set the modification time back (rsync -a,
    // tar, cp -a restore it), and only the change time then tells of it.
    if (settledBefore !== undefined && Math.max(stat.mtimeMs, stat.ctimeMs) >= settledBefore - SETTLED_MS) return undefined;
    // Joined, not a template: a template's pieces stay apart in memory (a rope), and the cache keeps one for each file.
    return (changeTime ? [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino] : [stat.size, stat.mtimeMs, stat.ino]).join(':');
  } catch {
    return undefined;
  }
}

/** Where git's environment, not the folders, says which repository and index a command uses. */
const GIT_LOCATION_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM'];

/** The file that records the git index a "not committed" answer was given for. */
const GIT_CHECK_FILE = 'git-index';

/**
 * True when git tracks files under the project's cache folder. A cache that came with the
 * checkout (a pull request can add one) could claim that any article is clean, so it is not
 * read: only a cache this machine's own runs made, or the CI's cache restored, is.
 *
 * Asking git costs a process (about 7 ms of a one-file lint, and more to load child_process), so a
 * "no" is remembered with the size, times and inode of the index git answered from: which files
 * git tracks changes only with that file (a checkout or `git add` replaces it), and a "no" brought
 * by a checkout would have to name this machine's index, inode and change time included.
 */
export function cacheIsCommitted(root: string): boolean {
  if (!existsSync(path.join(root, CACHE_DIR))) return false;
  const index = gitIndexFile(root);
  // No repository above the project: git would answer with an error, which is a "no" too.
  if (index === undefined) return false;
  const stamp = index && `${index}\0${statKey(index) ?? ''}`;
  const checked = path.join(root, CACHE_DIR, GIT_CHECK_FILE);
  if (stamp && stamp === readText(checked)) return false;
  // Loaded here, not with the module: a start that the stamp answers does not load child_process (a few ms).
  const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const result = spawnSync('git', ['ls-files', '-z', '--', CACHE_DIR], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const committed = result.status === 0 && result.stdout.length > 0;
  // Only an index that exists can be stamped; without one (a fresh `git init`) git is asked each time.
  if (!committed && stamp && !stamp.endsWith('\0')) writeText(checked, stamp);
  return committed;
}

/**
 * The index file git reads for a command run in `root`, found as git finds its repository (the
 * nearest `.git` folder above, or the `gitdir:` a `.git` file names, as in a linked worktree or
 * a submodule); undefined when there is none; null when git's environment decides (GIT_DIR and
 * the like), so only git can say.
 */
function gitIndexFile(root: string): string | undefined | null {
  if (GIT_LOCATION_ENV.some((name) => process.env[name])) return null;
  // A hook (pre-commit) is told the index of the commit being made.
  const given = process.env.GIT_INDEX_FILE;
  if (given) return path.isAbsolute(given) ? given : null;
  for (let dir = path.resolve(root); ; ) {
    const dotGit = path.join(dir, '.git');
    let stat;
    try {
      stat = statSync(dotGit);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) return path.join(dotGit, 'index');
    if (stat?.isFile()) {
      const gitdir = /^gitdir: *(.+?) *$/m.exec(readText(dotGit) ?? '')?.[1];
      return gitdir ? path.join(path.resolve(dir, gitdir), 'index') : null;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes a small file of the cache in one rename; a cache folder that cannot be written is no error here. */
function writeText(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

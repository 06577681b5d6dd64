import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';

/** The folder of the incremental cache, at the project root (`init` adds it to .gitignore). */
export const CACHE_DIR = '.healthmd';

/** Bumped whenever what a cache file holds changes shape: older files are then foreign. */
const FORMAT = 'healthmd-cache/1';
const DIGEST_BYTES = 32;
/** Cache files of one kind kept side by side (a lint and a build's lint gate use different rule settings). */
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
 * A file of the cache: a SHA-256 digest of the payload, then the payload (a V8-serialised value
 * with the format and the key it was made for). `read` returns undefined for anything else: a
 * missing, truncated, corrupted, foreign or older file is never trusted, only replaced.
 */
export class CacheFile<T> {
  readonly file: string;

  constructor(
    readonly root: string,
    readonly kind: string,
    readonly key: string,
  ) {
    this.file = path.join(root, CACHE_DIR, `${kind}-${key.slice(0, 24)}.v8`);
  }

  read(): T | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return undefined;
    }
    if (bytes.length <= DIGEST_BYTES) return undefined;
    const payload = bytes.subarray(DIGEST_BYTES);
    if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(0, DIGEST_BYTES))) return undefined;
    try {
      const stored = deserialize(payload) as { format?: unknown; key?: unknown; value?: T };
      return stored?.format === FORMAT && stored.key === this.key ? stored.value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Replaces the file in one rename and removes the oldest files of the same kind beyond KEEP. Throws on I/O errors. */
  write(value: T): void {
    const dir = path.join(this.root, CACHE_DIR);
    mkdirSync(dir, { recursive: true });
    const payload = serialize({ format: FORMAT, key: this.key, value });
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
      renameSync(temporary, this.file);
    } finally {
      rmSync(temporary, { force: true });
    }
    const siblings = readdirSync(dir)
      .filter((name) => name.startsWith(`${this.kind}-`) && name.endsWith('.v8'))
      .map((name) => path.join(dir, name));
    if (siblings.length <= KEEP) return;
    const byAge = siblings.map((file) => ({ file, mtime: statSync(file).mtimeMs })).sort((a, b) => b.mtime - a.mtime);
    for (const { file } of byAge.slice(KEEP)) rmSync(file, { force: true });
  }
}

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

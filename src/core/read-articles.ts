import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle, type Article } from './article.js';
import type { Config } from './config.js';
import type { ArticleFile } from './discover.js';
import { HealthmdError } from './errors.js';
import { assertHeapRoom } from './heap-room.js';
import { ioFailure } from './io-failure.js';

/**
 * Heap an article's model may take per byte of its file, at worst (a body of one-word list items
 * just under the token budget); prose takes a few times its size.
 */
const MODEL_BYTES_PER_FILE_BYTE = 80;

/**
 * Reads and parses discovered files. An unreadable file is an I/O error (exit 2) naming the file;
 * so is a set of articles that would not fit in memory, instead of V8's fatal error.
 */
export function readArticles(files: readonly ArticleFile[], cwd: string, config: Config): Article[] {
  return files.map((file) => readArticle(file, cwd, config));
}

/** Reads and parses one discovered file, as readArticles does each; `bytes` sees the file's bytes (the lint cache digests them). */
export function readArticle(file: ArticleFile, cwd: string, config: Config, bytes?: (content: Buffer) => void): Article {
  let content: Buffer;
  try {
    content = readFileSync(file.path);
  } catch (error) {
    throw new HealthmdError(`cannot read file: ${ioFailure(error)}`, { file: path.relative(cwd, file.path), cause: error });
  }
  assertModelRoom(file, cwd, content);
  bytes?.(content);
  return parseArticle({ path: file.path, relPath: file.relPath, content, adopt: config });
}

/** Stops with an error (exit 2) naming the file when the model of a file of these bytes might not fit the heap left. */
export function assertModelRoom(file: ArticleFile, cwd: string, content: Uint8Array): void {
  assertHeapRoom('reading articles', path.relative(cwd, file.path), content.byteLength * MODEL_BYTES_PER_FILE_BYTE);
}

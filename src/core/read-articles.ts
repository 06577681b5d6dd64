import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle, type Article } from './article.js';
import type { Config } from './config.js';
import { articleRelPath, type ArticleFile } from './discover.js';
import { HealthmdError } from './errors.js';
import { assertHeapRoom } from './heap-room.js';
import { projectFileCheck } from './project-file.js';

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
  return files.map((file) => {
    let content: Buffer;
    try {
      content = readFileSync(file.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new HealthmdError(`cannot read file (${code})`, { file: path.relative(cwd, file.path), cause: error });
    }
    assertHeapRoom('reading articles', path.relative(cwd, file.path), content.byteLength * MODEL_BYTES_PER_FILE_BYTE);
    return parseArticle({ path: file.path, relPath: file.relPath, content, adopt: config });
  });
}

/** Reads articles on demand (link targets outside the linted set), once each. */
export function articleReader(config: Config): {
  readArticle: (file: string) => Article | undefined;
  fileExists: (file: string) => boolean;
  isProjectFile: (file: string) => boolean;
} {
  const cache = new Map<string, Article | undefined>();
  return {
    readArticle(file) {
      if (cache.has(file)) return cache.get(file);
      let article: Article | undefined;
      try {
        article = parseArticle({ path: file, relPath: articleRelPath(config, file), content: readFileSync(file), adopt: config });
      } catch {
        article = undefined;
      }
      cache.set(file, article);
      return article;
    },
    fileExists: (file) => existsSync(file),
    isProjectFile: projectFileCheck(config.root),
  };
}

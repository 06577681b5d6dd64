import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArticle, type Article } from './article.js';
import type { Config } from './config.js';
import { articleRelPath, type ArticleFile } from './discover.js';
import { HealthmdError } from './errors.js';

/** Reads and parses discovered files. An unreadable file is an I/O error (exit 2) naming the file. */
export function readArticles(files: readonly ArticleFile[], cwd: string, config: Config): Article[] {
  return files.map((file) => {
    let content: Buffer;
    try {
      content = readFileSync(file.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new HealthmdError(`cannot read file (${code})`, { file: path.relative(cwd, file.path), cause: error });
    }
    return parseArticle({ path: file.path, relPath: file.relPath, content, adopt: config });
  });
}

/** Reads articles on demand (link targets outside the linted set), once each. */
export function articleReader(config: Config): { readArticle: (file: string) => Article | undefined; fileExists: (file: string) => boolean } {
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
  };
}

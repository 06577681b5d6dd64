import type { Article } from '../../core/article.js';
import type { Config } from '../../core/config.js';
import { relativePath } from '../../core/relative-path.js';

/** The `healthmd review` command that records a review of `article`, its path as the project root sees it. */
export function reviewCommand(article: Article, config: Config): string {
  return `healthmd review ${shellQuote(relativePath(config.root, article.path) || article.relPath)}`;
}

function shellQuote(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}

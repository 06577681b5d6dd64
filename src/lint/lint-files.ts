import { readFileSync } from 'node:fs';
import { parseArticle, type Article } from '../core/article.js';
import type { Config, RuleSeverity } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import type { ArticleFile } from '../core/discover.js';
import { articleReader, readArticles } from '../core/read-articles.js';
import { lintArticles, type LintResult } from './engine.js';

export interface LintFilesOptions {
  config: Config;
  cwd: string;
  now: CalendarDate;
  ruleOverrides?: Record<string, RuleSeverity>;
  fix?: boolean;
}

/**
 * Reads, parses and lints `files[start, end)` as part of the whole list: project rules see every
 * file, the ones outside the range through their front matter only. With the whole range it is
 * the plain one-thread lint; a worker thread lints one range of a large project.
 */
export function lintFileRange(files: readonly ArticleFile[], start: number, end: number, options: LintFilesOptions): LintResult[] {
  const { config, cwd } = options;
  const reader = articleReader(config);
  const articles = readArticles(files.slice(start, end), cwd);
  const whole = start === 0 && end === files.length;
  const project = whole ? undefined : [...files.slice(0, start).map(frontMatterOnly), ...articles, ...files.slice(end).map(frontMatterOnly)];
  return lintArticles(articles, {
    config,
    now: options.now,
    ruleOverrides: options.ruleOverrides,
    fix: options.fix,
    readArticle: reader.readArticle,
    fileExists: reader.fileExists,
    project,
  });
}

/** What project rules need of an article linted elsewhere: where it is, its front matter, whether it parses. */
function frontMatterOnly(file: ArticleFile): Article {
  let content: Uint8Array;
  try {
    content = readFileSync(file.path);
  } catch {
    // The range that lints this file reports why it cannot be read.
    content = new Uint8Array();
  }
  return parseArticle({ ...file, content, markdown: false });
}

import type { Article } from '../core/article.js';
import type { Config, RuleSeverity } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import type { DiscoveryProblem } from '../core/discover.js';
import type { Project } from '../core/project.js';
import { lintArticles, type LintResult } from '../lint/engine.js';
import { rules } from '../rules/index.js';

export interface LintGateOptions {
  config: Config;
  now: CalendarDate;
  /** Run only the fatal rules (`--skip-lint`): what makes a site impossible to build still stops it. */
  skipLint?: boolean;
  /** The project the articles belong to (serve re-lints only what changed; project rules still see every published article). */
  project?: Project;
  /** The whole article, when `articles` may hold front matter only (build's ArticleStore): each is linted alone, read again if need be. */
  whole?: (article: Article) => Article;
}

/** What build and export return when their lint gate stops them. */
export interface Blocked {
  status: 'blocked';
  lint: LintGate;
  problems: DiscoveryProblem[];
}

export interface LintGate {
  results: LintResult[];
  /** True when publishing must not go ahead. */
  blocked: boolean;
  errorCount: number;
  warningCount: number;
  /** Findings of fatal rules (an unparseable file, two articles on one URL…), whatever their severity. */
  fatalCount: number;
}

/**
 * Lints what is about to be published and says whether that may go ahead: errors block unless
 * lint is skipped, and fatal findings always block. Fatal rules run even when config turns them
 * off, because a site with two articles on one URL cannot be built, whatever anyone prefers.
 */
export function lintGate(articles: readonly Article[], options: LintGateOptions): LintGate {
  const overrides: Record<string, RuleSeverity> = {};
  for (const rule of rules) {
    // A fatal rule keeps the config's severity for its other findings (a duplicate key set to warn
    // is a warning here as in lint); turned off, it runs anyway. Its fatal findings are errors either way.
    if (rule.fatal) {
      if (options.config.rules[rule.id]?.severity === 'off') overrides[rule.id] = 'error';
    } else if (options.skipLint) overrides[rule.id] = 'off';
  }
  const lintOptions = { config: options.config, now: options.now, ruleOverrides: overrides, project: options.project };
  const { whole } = options;
  const results = whole ? articles.map((article) => lintArticles([whole(article)], lintOptions)[0]) : lintArticles(articles, lintOptions);
  let errorCount = 0;
  let warningCount = 0;
  let fatalCount = 0;
  for (const result of results) {
    errorCount += result.errorCount;
    warningCount += result.warningCount;
    fatalCount += result.messages.filter((m) => m.fatal).length;
  }
  return { results, blocked: fatalCount > 0 || (!options.skipLint && errorCount > 0), errorCount, warningCount, fatalCount };
}

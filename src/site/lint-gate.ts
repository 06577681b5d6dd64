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
  /** Findings kept from an earlier run (the lint cache, made with gateOverrides' settings): a file they hold is not linted again. */
  kept?: {
    result(article: Article): LintResult | undefined;
    /** Keeps a fresh result (made with what its rules asked of the project) and returns it as reported. */
    remember(result: LintResult): LintResult;
  };
  /**
   * Keep only the results of files with findings, which is all a report shows: a build of 100,000
   * articles, most of them clean, would otherwise hold a result for each until it ends.
   */
  findingsOnly?: boolean;
}

/** What build and export return when their lint gate stops them. */
export interface Blocked {
  status: 'blocked';
  lint: LintGate;
  problems: DiscoveryProblem[];
}

export interface LintGate {
  /** One per linted file, in order; with `findingsOnly`, only those with findings. */
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
  return startLintGate(articles, options).finish();
}

/** A lint gate taken a few files at a time, so that build can write pages while it lints. */
export interface LintGateRun {
  /** Lints up to `count` more files. */
  step(count: number): void;
  /** True as soon as a finding blocks publishing. */
  readonly blocking: boolean;
  /** Lints the files left, and returns the gate's verdict. */
  finish(): LintGate;
}

export function startLintGate(articles: readonly Article[], options: LintGateOptions): LintGateRun {
  const { whole, kept } = options;
  const lintOptions = { config: options.config, now: options.now, ruleOverrides: gateOverrides(options.config, options.skipLint), project: options.project, dependencies: Boolean(kept) };
  const lintOne = (article: Article): LintResult => {
    const known = kept?.result(article);
    if (known) return known;
    const result = lintArticles([whole ? whole(article) : article], lintOptions)[0];
    return kept ? kept.remember(result) : result;
  };
  const linted: Iterable<LintResult> = whole || kept ? mapLazily(articles, lintOne) : lintArticles(articles, lintOptions);
  const next = linted[Symbol.iterator]();
  const results: LintResult[] = [];
  let errorCount = 0;
  let warningCount = 0;
  let fatalCount = 0;
  /** A rule that threw: every later call throws it again, so that no caller takes partial findings for the verdict. */
  let failure: { error: unknown } | undefined;
  /** Lints one more file; false when none is left. */
  const lintNext = (): boolean => {
    if (failure) throw failure.error;
    let step: IteratorResult<LintResult>;
    try {
      step = next.next();
    } catch (error) {
      failure = { error };
      throw error;
    }
    if (step.done) return false;
    const result = step.value;
    errorCount += result.errorCount;
    warningCount += result.warningCount;
    fatalCount += result.messages.filter((m) => m.fatal).length;
    if (!options.findingsOnly || result.messages.length > 0) results.push(result);
    return true;
  };
  const blocked = () => fatalCount > 0 || (!options.skipLint && errorCount > 0);
  return {
    step(count) {
      for (let i = 0; i < count && lintNext(); i++);
    },
    get blocking() {
      return blocked();
    },
    finish() {
      while (lintNext());
      return { results, blocked: blocked(), errorCount, warningCount, fatalCount };
    },
  };
}

function* mapLazily<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** The rule settings of the gate over the config's: what a cache of its findings is keyed by. */
export function gateOverrides(config: Config, skipLint?: boolean): Record<string, RuleSeverity> {
  const overrides: Record<string, RuleSeverity> = {};
  for (const rule of rules) {
    // A fatal rule keeps the config's severity for its other findings (a duplicate key set to warn
    // is a warning here as in lint); turned off, it runs anyway. Its fatal findings are errors either way.
    if (rule.fatal) {
      if (config.rules[rule.id]?.severity === 'off') overrides[rule.id] = 'error';
    } else if (skipLint) overrides[rule.id] = 'off';
  }
  return overrides;
}

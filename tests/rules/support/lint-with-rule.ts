import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticle, type Article } from '../../../src/core/article.js';
import { defaultConfig, type Config } from '../../../src/core/config.js';
import type { CalendarDate } from '../../../src/core/dates.js';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import { lintArticles, type LintResult } from '../../../src/lint/engine.js';
import { toDiagnostic } from '../../../src/lint/rule-report.js';
import { rules, type AnyRule, type ProjectView } from '../../../src/rules/index.js';

export const ROOT = '/project';
export const ARTICLES = `${ROOT}/articles`;
export const NOW: CalendarDate = '2025-03-01';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** The text of `tests/fixtures/<rule>/<name>`. */
export function fixture(rule: string, name: string): string {
  return readFileSync(path.join(fixtures, rule, name), 'utf8');
}

export interface LintSetup {
  /** Articles to lint, by path relative to the articles folder. */
  articles: Record<string, string>;
  /** Articles that exist but are not linted (link targets), by path relative to the articles folder. */
  others?: Record<string, string>;
  /** Other files that exist, by path relative to the project root (`articles/img/spine.png`). */
  files?: string[];
  /** Options for the rule under test. */
  options?: Record<string, unknown>;
  config?: (config: Config) => void;
  /** Apply the rule's fixes (the results then carry `output`). */
  fix?: boolean;
  /** Today, for the lint (NOW unless given). */
  now?: CalendarDate;
}

/**
 * Lints in-memory articles of a project at /project with only `ruleId` switched on, `now` pinned,
 * and the project's other files answered from `setup` instead of the disk.
 */
export function lintWithRule(ruleId: string, setup: LintSetup): Map<string, Diagnostic[]> {
  const results = lintResultsWithRule(ruleId, setup);
  return new Map(results.map((result) => [path.relative(ARTICLES, result.filePath), result.messages.filter((m) => m.ruleId === ruleId)]));
}

/** The whole lint results of `lintWithRule` (front-matter-valid's findings and fixed `output` included), in article order. */
export function lintResultsWithRule(ruleId: string, setup: LintSetup): LintResult[] {
  const config = defaultConfig(ROOT);
  for (const rule of rules) {
    if (rule.id !== ruleId && rule.id !== 'front-matter-valid') config.rules[rule.id] = { severity: 'off' };
  }
  config.rules[ruleId] = { options: setup.options };
  setup.config?.(config);
  const article = (relPath: string, content: string): Article => parseArticle({ path: `${ARTICLES}/${relPath}`, relPath, content });
  const linted = Object.entries(setup.articles).map(([relPath, content]) => article(relPath, content));
  const others = new Map(Object.entries(setup.others ?? {}).map(([relPath, content]) => [`${ARTICLES}/${relPath}`, article(relPath, content)]));
  const files = new Set([...others.keys(), ...(setup.files ?? []).map((file) => `${ROOT}/${file}`)]);
  return lintArticles(linted, {
    config,
    now: setup.now ?? NOW,
    fix: setup.fix,
    project: { published: linted, article: (file) => others.get(file), exists: (file) => files.has(file), isProjectFile: (file) => files.has(file) },
  });
}

/** Findings of one article linted alone. */
export function lintOne(ruleId: string, content: string, setup: Omit<LintSetup, 'articles'> & { relPath?: string } = {}): Diagnostic[] {
  const relPath = setup.relPath ?? 'article.md';
  return lintWithRule(ruleId, { ...setup, articles: { [relPath]: content } }).get(relPath) ?? [];
}

/** `messageId@line:column` of each finding, for compact assertions. */
export function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.messageId}@${d.line}:${d.column}`);
}

export interface RuleRun {
  article: Article;
  config?: Config;
  /** The rule's options as config would give them (its schema fills in the defaults). */
  options?: Record<string, unknown>;
  now?: CalendarDate;
  project?: ProjectView;
}

/**
 * Runs one rule on one article and returns its findings as the engine words and places them
 * (messages rendered, positions resolved), without the engine's severities or inline control.
 */
export function runRule(rule: AnyRule, run: RuleRun): Diagnostic[] {
  const found: Diagnostic[] = [];
  const severity = rule.severity;
  rule.check({
    article: run.article,
    config: run.config ?? defaultConfig(ROOT),
    options: rule.options ? rule.options.parse(run.options ?? {}) : {},
    now: run.now ?? NOW,
    project: run.project ?? { articles: [run.article], article: () => undefined, exists: () => false },
    report: (report) => found.push(toDiagnostic(rule, run.article, report, severity)),
  });
  return found;
}

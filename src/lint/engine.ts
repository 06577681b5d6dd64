import { parseArticle, type Article } from '../core/article.js';
import { findingSeverity, settingOf, type Config, type RuleSeverity } from '../core/config.js';
import type { CalendarDate } from '../core/dates.js';
import { compareDiagnostics, type Diagnostic, type Severity } from '../core/diagnostic.js';
import { ConfigError, HealthmdError, UsageError } from '../core/errors.js';
import type { Project } from '../core/project.js';
import { rules as registry } from '../rules/index.js';
import type { AnyRule, ProjectView, RuleReport } from '../rules/types.js';
import { applyFixes } from './apply-fixes.js';
import { closestMatch } from '../core/closest-match.js';
import { inlineControl, type DirectiveRuleName } from './inline-control.js';
import { placeIndependent } from './placeless.js';
import { toDiagnostic } from './rule-report.js';

/** ESLint-shaped result for one file. */
export interface LintResult {
  /** Absolute path; formatters make it relative. */
  filePath: string;
  messages: Diagnostic[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The fixed file text (BOM included as on disk), when `fix` changed it. */
  output?: string;
  /** What the rules asked of the project while linting this file, when `dependencies` asked for it (the lint cache). */
  dependencies?: LintDependencies;
}

/**
 * What a file's findings depend on besides its own text, the config and today: the project's
 * articles as a whole (unique-slug, site-root links), other articles read in full (a link's
 * target and its headings), and whether other files exist. Absolute paths.
 */
export interface LintDependencies {
  /** A rule read the list of the project's articles (their front matter and paths). */
  projectWide: boolean;
  articles: string[];
  exists: string[];
  projectFiles: string[];
}

export interface ActiveRule {
  rule: AnyRule;
  severity: Severity;
  /** The rule's options as its schema reads them: defaults filled in. */
  options: unknown;
}

export interface LintOptions {
  config: Config;
  now: CalendarDate;
  /** `--rule ID=SEVERITY` flags: they win over config. */
  ruleOverrides?: Record<string, RuleSeverity>;
  fix?: boolean;
  /**
   * The project the articles belong to: what project rules see as the site (unique-slug,
   * internal-links' suggestions) and how they ask after other files. Without it the linted
   * articles are the whole project and no other file exists.
   */
  project?: Project;
  /**
   * The articles have no file (text on stdin without `--stdin-filename`): findings that depend on
   * where a file is (its relative links and images, its URL) are left out rather than guessed.
   */
  placeless?: boolean;
  /** Record on each result what its rules asked of the project (`dependencies`), so a cache can tell when it still holds. */
  dependencies?: boolean;
}

const FRONT_MATTER_VALID = 'front-matter-valid';
/**
 * The id of the engine's own findings about inline control comments. It is not a rule (no config
 * turns it off, no comment silences it): a comment naming a rule that does not exist silences
 * nothing, which is what the finding is there to say, as ESLint reports rules its directives name
 * but that have no definition.
 */
export const INLINE_CONTROL = 'inline-control';
const MAX_FIX_PASSES = 10;

/** The rules that run, with their effective severities and options: defaults, then config, then flags. */
export function activeRules(config: Config, overrides: Record<string, RuleSeverity> = {}): ActiveRule[] {
  const known = new Set(registry.map((rule) => rule.id));
  for (const id of Object.keys(config.rules)) {
    if (!known.has(id)) throw new ConfigError(`rules.${id}: unknown rule; 'healthmd rules' lists them`, { file: config.file });
  }
  for (const id of Object.keys(overrides)) {
    if (!known.has(id)) throw new UsageError(`--rule ${id}: unknown rule; 'healthmd rules' lists them`);
  }
  const active: ActiveRule[] = [];
  for (const rule of registry) {
    const setting = config.rules[rule.id];
    let severity: RuleSeverity = overrides[rule.id] ?? setting?.severity ?? settingOf(rule.severity);
    // A file that cannot be parsed is always reported: nothing else can be said about it.
    if (rule.id === FRONT_MATTER_VALID && severity === 'off') severity = 'error';
    if (severity === 'off') continue;
    active.push({
      rule,
      severity: findingSeverity(severity),
      options: ruleOptions(rule, setting?.options, config),
    });
  }
  return active;
}

/**
 * The rule's options read through its schema (defaults filled in). A loaded config was checked
 * already, with lines; this catches a config built in code.
 */
function ruleOptions(rule: AnyRule, given: unknown, config: Config): unknown {
  if (!rule.options) return {};
  const parsed = rule.options.safeParse(given ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = ['rules', rule.id, 'options', ...issue.path].join('.');
  throw new ConfigError(`${key}: invalid option (${issue.code}); 'healthmd rules --json' lists the rule's options`, { file: config.file });
}

/** Lints articles together (project rules see all of them). Pure: reading and writing files is the caller's. */
export function lintArticles(articles: readonly Article[], options: LintOptions): LintResult[] {
  const active = activeRules(options.config, options.ruleOverrides);
  const byPath = new Map(articles.map((article) => [article.path, article]));
  const project: ProjectView = {
    articles: options.project?.published ?? articles,
    article: (file) => byPath.get(file) ?? options.project?.article(file),
    exists: (file) => byPath.has(file) || (options.project?.exists(file) ?? false),
    isProjectFile: (file) => options.project?.isProjectFile(file) ?? false,
  };
  return articles.map((article) => {
    if (!options.fix) return lintOne(article, active, project, options);
    let current = article;
    let changed = false;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const fixes = check(current, active, project, options).flatMap((d) => (d.fix ? [d.fix] : []));
      if (fixes.length === 0) break;
      const { text, applied } = applyFixes(current.source, fixes);
      if (applied === 0 || text === current.source) break;
      current = parseArticle({ path: article.path, relPath: article.relPath, content: (current.bom ? '\ufeff' : '') + text, adopt: options.config });
      changed = true;
    }
    const result = lintOne(current, active, project, options);
    if (changed) result.output = (current.bom ? '\ufeff' : '') + current.source;
    return result;
  });
}

function lintOne(article: Article, active: ActiveRule[], project: ProjectView, options: LintOptions): LintResult {
  const recorder = options.dependencies ? recording(project) : undefined;
  const messages = check(article, active, recorder?.view ?? project, options).sort(compareDiagnostics);
  const result: LintResult = {
    filePath: article.path,
    messages,
    errorCount: 0,
    warningCount: 0,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  for (const message of messages) {
    if (message.severity === 'error') {
      result.errorCount++;
      if (message.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (message.fix) result.fixableWarningCount++;
    }
    if (message.fatal) result.fatalErrorCount++;
  }
  if (recorder) result.dependencies = recorder.dependencies();
  return result;
}

/** A view of the project that notes each question asked of it. */
function recording(project: ProjectView): { view: ProjectView; dependencies(): LintDependencies } {
  let projectWide = false;
  const articles = new Set<string>();
  const exists = new Set<string>();
  const projectFiles = new Set<string>();
  const view: ProjectView = {
    get articles() {
      projectWide = true;
      return project.articles;
    },
    article(file) {
      articles.add(file);
      return project.article(file);
    },
    exists(file) {
      exists.add(file);
      return project.exists(file);
    },
    isProjectFile(file) {
      projectFiles.add(file);
      return project.isProjectFile?.(file) ?? project.exists(file);
    },
  };
  return { view, dependencies: () => ({ projectWide, articles: [...articles], exists: [...exists], projectFiles: [...projectFiles] }) };
}

/** An error for each rule name a directive gives that is no rule (a typo silences nothing), with the likeliest meant. */
function unknownDirectiveRules(names: readonly DirectiveRuleName[]): Diagnostic[] {
  const known = registry.map((rule) => rule.id);
  return names
    .filter(({ name }) => !known.includes(name))
    .map(({ name, directive, line, column }) => {
      const near = closestMatch(name, known);
      const advice = near ? `did you mean ${near}?` : "'healthmd rules' lists the rule ids";
      return {
        ruleId: INLINE_CONTROL,
        messageId: 'unknown-rule',
        message: `${directive} names '${name}', which is not a rule, so it silences nothing: ${advice}`,
        severity: 'error',
        line,
        column,
        endLine: line,
        endColumn: column + name.length,
      };
    });
}

function check(article: Article, active: ActiveRule[], project: ProjectView, options: LintOptions): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const control = article.problem ? undefined : inlineControl(article);
  const disabled = control?.disabled ?? (() => false);
  if (control) diagnostics.push(...unknownDirectiveRules(control.names));
  const kept = options.placeless ? placeIndependent(article) : () => true;
  for (const { rule, severity, options: ruleOptions } of active) {
    // An unparseable file gets the one finding that explains why, and nothing else.
    if (article.problem && rule.id !== FRONT_MATTER_VALID) continue;
    const report = (r: RuleReport) => {
      const diagnostic = toDiagnostic(rule, article, r, severity);
      if (disabled(rule.id, diagnostic.line) || !kept(rule.id, diagnostic)) return;
      diagnostics.push(diagnostic);
    };
    try {
      rule.check({ article, config: options.config, options: ruleOptions, now: options.now, project, report });
    } catch (error) {
      if (error instanceof HealthmdError) throw error;
      throw new Error(`rule ${rule.id} failed on ${article.path}: ${(error as Error).message}`, { cause: error });
    }
  }
  return diagnostics;
}

/** A result with its errors only, as `--quiet` shows it. */
export function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 'error');
  return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
}

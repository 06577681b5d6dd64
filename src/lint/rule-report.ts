import type { Article } from '../core/article.js';
import type { Diagnostic, Place } from '../core/diagnostic.js';
import type { AnyRule, At, MessageData, RuleReport } from '../rules/types.js';

/** A rule broke its contract (an undeclared message id, a missing template value, a place it computed): a bug in healthmd, exit 2. */
export class RuleContractError extends Error {
  override name = 'RuleContractError';
}

type Span = Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>;

const FILE_START: Place = { line: 1, column: 1 };
const PLACEHOLDER = /\{\{\s*([\w-]+)\s*\}\}/g;

/**
 * Turns what a rule reported into a finding: the message rendered from the rule's template, the
 * place from `at`. The one place offsets and front-matter keys become lines and columns.
 */
export function toDiagnostic(rule: AnyRule, article: Article, report: RuleReport, severity: Diagnostic['severity']): Diagnostic {
  if ('line' in report || 'column' in report || 'message' in report) {
    throw new RuleContractError(`rule ${rule.id} reported a line, column or message of its own: report { messageId, data, at } and let the engine place and word it`);
  }
  const diagnostic: Diagnostic = {
    ruleId: rule.id,
    messageId: report.messageId,
    message: '',
    severity: report.severity ?? severity,
    ...spanOf(article, report.at),
  };
  const data = report.data && resolveData(article, report.data);
  diagnostic.message = renderMessage(rule, report.messageId, data);
  if (data) diagnostic.data = data;
  if (report.fix) diagnostic.fix = report.fix;
  // A fatal finding stops every build, so it is an error whatever the config says: lint and build agree.
  if (rule.fatal && report.fatal !== false) {
    diagnostic.fatal = true;
    diagnostic.severity = 'error';
  }
  return diagnostic;
}

function resolveData(article: Article, data: MessageData): Record<string, string | number> {
  const resolved: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(data)) resolved[name] = typeof value === 'object' ? article.place(value.lineOf).line : value;
  return resolved;
}

/** Fills the template of `messageId` with `data`; an undeclared id or a placeholder without a value is a bug, never a garbled message. */
export function renderMessage(rule: AnyRule, messageId: string, data: Record<string, string | number> = {}): string {
  const template = Object.hasOwn(rule.messages, messageId) ? rule.messages[messageId] : undefined;
  if (template === undefined) {
    throw new RuleContractError(`rule ${rule.id} reported message id '${messageId}', which its messages do not declare (${Object.keys(rule.messages).join(', ')})`);
  }
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.hasOwn(data, name)) throw new RuleContractError(`rule ${rule.id}: message '${messageId}' needs a value for {{${name}}}`);
    return String(data[name]);
  });
}

/** The file span `at` names. */
export function spanOf(article: Article, at: At): Span {
  if (at === 'file') return { ...FILE_START };
  if ('start' in at) return between(article.place(at.start), at.end === undefined ? undefined : article.place(at.end));
  if ('sourceStart' in at) return between(article.lines.place(at.sourceStart), at.sourceEnd === undefined ? undefined : article.lines.place(at.sourceEnd));
  if ('place' in at) return { line: at.place.line, column: at.place.column };
  const places = article.frontMatter?.places ?? {};
  if ('value' in at) {
    const place = places[at.value];
    const found = (at.item === undefined ? undefined : place?.items?.[at.item]) ?? place?.value;
    if (found) return { ...found };
    return keyName(places, at.orKey ?? []);
  }
  return keyName(places, typeof at.key === 'string' ? [at.key] : at.key);
}

function keyName(places: NonNullable<Article['frontMatter']>['places'], keys: readonly string[]): Span {
  for (const key of keys) {
    const place = places[key];
    if (place) return { ...place.key };
  }
  return { ...FILE_START };
}

function between(start: Place, end: Place | undefined): Span {
  return end ? { line: start.line, column: start.column, endLine: end.line, endColumn: end.column } : { line: start.line, column: start.column };
}

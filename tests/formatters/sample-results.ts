import path from 'node:path';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { FormatContext } from '../../src/formatters/types.js';
import type { LintResult } from '../../src/lint/engine.js';
import type { Rule } from '../../src/rules/types.js';

/** Hand-made results and rules for formatter tests: independent of the real rules. */
export const CWD = path.resolve('/project/site');

function rule(id: string, extra: Partial<Rule> = {}): Rule {
  return { id, description: `checks ${id}`, severity: 'error', messages: {}, check() {}, ...extra };
}

export const RULES: Rule[] = [
  rule('front-matter-valid', { fatal: true }),
  rule('heading-structure', { fixable: true }),
  rule('no-absolute-claims', { severity: 'warning' }),
  rule('readability-grade', { severity: 'warning' }),
  rule('link-safety'),
];

export function context(extra: Partial<FormatContext> = {}): FormatContext {
  return { cwd: CWD, color: false, width: 200, rules: RULES, version: '9.8.7', ...extra };
}

/** Counts as the engine computes them. */
export function result(file: string, messages: Diagnostic[]): LintResult {
  const errors = messages.filter((m) => m.severity === 'error');
  const warnings = messages.filter((m) => m.severity === 'warning');
  return {
    filePath: path.join(CWD, file),
    messages,
    errorCount: errors.length,
    warningCount: warnings.length,
    fatalErrorCount: messages.filter((m) => m.fatal).length,
    fixableErrorCount: errors.filter((m) => m.fix).length,
    fixableWarningCount: warnings.filter((m) => m.fix).length,
  };
}

export function diagnostic(ruleId: string, line: number, column: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { ruleId, messageId: 'id', severity: 'error', message: `${ruleId} finding`, line, column, ...extra };
}

/** Errors, warnings, a fix, a fatal file, a clean file, and names with spaces, unicode, `#`, `,` and `:`. */
export function sampleResults(): LintResult[] {
  return [
    result('articles/back pain.md', [
      diagnostic('heading-structure', 3, 1, {
        messageId: 'h1',
        message: 'remove the body H1: the title is the H1.',
        endLine: 3,
        endColumn: 14,
        fix: { range: [40, 42], text: '##' },
      }),
      diagnostic('no-absolute-claims', 12, 7, { severity: 'warning', message: '"cures" is an absolute claim', endLine: 12, endColumn: 12 }),
      diagnostic('link-safety', 120, 33, { message: 'unsafe URL javascript:alert(1)' }),
    ]),
    result('articles/ünïcode #1, draft: v2.md', [
      diagnostic('readability-grade', 9, 1, { severity: 'warning', message: 'grade 11.2 > 8: 100% of\nthe words\r\nare long' }),
    ]),
    result('articles/clean.md', []),
    result('articles/broken.md', [diagnostic('front-matter-valid', 1, 1, { fatal: true, message: 'the front-matter fence is not closed' })]),
  ];
}

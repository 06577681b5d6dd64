import type { Diagnostic } from '../core/diagnostic.js';
import type { LintResult } from '../lint/engine.js';
import { displayPath, type Formatter } from './types.js';

/**
 * ESLint's own `json` report, so ESLint formatters and tools that read ESLint reports read these:
 * severities are ESLint's numbers (1 warning, 2 error), fixes ESLint's `{range, text}` (offsets into
 * the text, as ESLint counts them: after a byte-order mark). One difference, on purpose: `filePath`
 * is relative to the working directory, so a report is the same on every checkout. Keys are written
 * in a fixed order (ESLint's) whatever order the engine built them in, so reports diff cleanly.
 */
export const formatJson: Formatter = (results, context) =>
  `${JSON.stringify(results.map((result) => fileReport(result, context.cwd)))}\n`;

function fileReport(result: LintResult, cwd: string) {
  return {
    filePath: displayPath(result.filePath, cwd),
    messages: result.messages.map(messageReport),
    errorCount: result.errorCount,
    fatalErrorCount: result.fatalErrorCount,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
  };
}

const ESLINT_SEVERITY = { warning: 1, error: 2 } as const;

function messageReport(message: Diagnostic) {
  return {
    ruleId: message.ruleId,
    severity: ESLINT_SEVERITY[message.severity],
    ...(message.fatal ? { fatal: true } : {}),
    message: message.message,
    line: message.line,
    column: message.column,
    messageId: message.messageId,
    ...(message.endLine === undefined ? {} : { endLine: message.endLine }),
    ...(message.endColumn === undefined ? {} : { endColumn: message.endColumn }),
    ...(message.fix ? { fix: { range: [message.fix.range[0], message.fix.range[1]], text: message.fix.text } } : {}),
  };
}

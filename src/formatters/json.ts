import type { Diagnostic } from '../core/diagnostic.js';
import type { LintResult } from '../lint/engine.js';
import { displayPath, type Formatter } from './types.js';

/**
 * ESLint's `json` shape, so tools that read ESLint reports read these. Keys are written in a fixed
 * order (ESLint's) whatever order the engine built them in, so reports diff cleanly between runs.
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

function messageReport(message: Diagnostic) {
  return {
    ruleId: message.ruleId,
    severity: message.severity,
    ...(message.fatal ? { fatal: true } : {}),
    message: message.message,
    messageId: message.messageId,
    line: message.line,
    column: message.column,
    ...(message.endLine === undefined ? {} : { endLine: message.endLine }),
    ...(message.endColumn === undefined ? {} : { endColumn: message.endColumn }),
    ...(message.fix ? { fix: { range: [message.fix.range[0], message.fix.range[1]], text: message.fix.text } } : {}),
  };
}

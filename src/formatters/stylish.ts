import { Chalk } from 'chalk';
import type { LintResult } from '../lint/engine.js';
import { displayPath, type FormatContext, type Formatter } from './types.js';
import { count } from '../core/count.js';

/**
 * ESLint's `stylish` look: each file, its findings in aligned columns, one line each, then a summary.
 * The table is fitted to `context.width`. Empty when there is nothing to report, so a clean run
 * prints nothing.
 */
export const formatStylish: Formatter = (results, context) => {
  // Never chalk's own detection: the CLI has already decided (TTY, --no-color, NO_COLOR, --output).
  const chalk = new Chalk({ level: context.color ? 1 : 0 });
  const totals = { errors: 0, warnings: 0, fixableErrors: 0, fixableWarnings: 0 };
  const blocks: string[] = [];
  for (const result of results) {
    totals.errors += result.errorCount;
    totals.warnings += result.warningCount;
    totals.fixableErrors += result.fixableErrorCount;
    totals.fixableWarnings += result.fixableWarningCount;
    if (result.messages.length === 0) continue;
    blocks.push(fileBlock(result, context, chalk));
  }
  if (blocks.length === 0) return '';

  const problems = totals.errors + totals.warnings;
  const summaryColour = totals.errors > 0 ? chalk.red.bold : chalk.yellow.bold;
  const lines = [
    '',
    ...blocks,
    summaryColour(`✖ ${count(problems, 'problem')} (${count(totals.errors, 'error')}, ${count(totals.warnings, 'warning')})`),
  ];
  if (totals.fixableErrors > 0 || totals.fixableWarnings > 0) {
    lines.push(
      summaryColour(
        `  ${count(totals.fixableErrors, 'error')} and ${count(totals.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
};

function fileBlock(result: LintResult, context: FormatContext, chalk: InstanceType<typeof Chalk>): string {
  const rows = result.messages.map((message) => ({
    line: String(message.line),
    column: String(message.column),
    severity: message.severity,
    // A message is one line of a table; a trailing full stop reads oddly before the rule id (as in ESLint).
    text: message.message.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([^ .])\.$/, '$1'),
    ruleId: message.ruleId,
  }));
  // Widths are measured before colouring, so escape codes never skew the columns.
  const lineWidth = Math.max(...rows.map((row) => row.line.length));
  const columnWidth = Math.max(...rows.map((row) => row.column.length));
  const severityWidth = Math.max(...rows.map((row) => row.severity.length));
  const ruleWidth = Math.max(...rows.map((row) => row.ruleId.length));
  const textWidth = messageColumnWidth(
    rows.map((row) => row.text.length),
    context.width - (INDENT.length + lineWidth + 1 + columnWidth + GAP.length + severityWidth + GAP.length + GAP.length + ruleWidth),
  );
  const lines = rows.map((row) => {
    const severity = row.severity.padEnd(severityWidth);
    return [
      // Line numbers right-aligned and columns left-aligned keep the colons in one column, as in ESLint.
      INDENT + chalk.dim(`${row.line.padStart(lineWidth)}:${row.column.padEnd(columnWidth)}`),
      row.severity === 'error' ? chalk.red(severity) : chalk.yellow(severity),
      row.text.padEnd(textWidth),
      chalk.dim(row.ruleId),
    ].join(GAP);
  });
  return [chalk.underline(displayPath(result.filePath, context.cwd)), ...lines, ''].join('\n');
}

const INDENT = '  ';
const GAP = '  ';

/**
 * How wide the message column is: the longest message, but never wider than what leaves the rule
 * ids inside the width. A longer message is not padded at all: it runs on, its rule id after it,
 * and the terminal wraps that one line, as ESLint's stylish does; rows never get longer because of it.
 */
function messageColumnWidth(lengths: number[], room: number): number {
  return Math.min(Math.max(...lengths), Math.max(0, room));
}


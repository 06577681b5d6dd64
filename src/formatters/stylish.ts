import path from 'node:path';
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
    ...(problems > MANY_FINDINGS ? tallies(results, context, chalk) : []),
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

/** Past this many findings the list is longer than a screen: the report ends with counts per rule and per folder. */
export const MANY_FINDINGS = 20;
/** Folders listed in the tally; the rest are summed on one line. */
const MAX_FOLDERS = 15;

interface Tally {
  name: string;
  errors: number;
  warnings: number;
}

/** Counts per rule and per folder, most first, so a long report ends with where the work is. */
function tallies(results: readonly LintResult[], context: FormatContext, chalk: InstanceType<typeof Chalk>): string[] {
  const byRule = new Map<string, Tally>();
  const byFolder = new Map<string, Tally>();
  const add = (map: Map<string, Tally>, name: string, error: boolean) => {
    let tally = map.get(name);
    if (!tally) map.set(name, (tally = { name, errors: 0, warnings: 0 }));
    if (error) tally.errors++;
    else tally.warnings++;
  };
  for (const result of results) {
    const folder = path.posix.dirname(displayPath(result.filePath, context.cwd));
    for (const message of result.messages) {
      add(byRule, message.ruleId, message.severity === 'error');
      add(byFolder, folder === '.' ? './' : `${folder}/`, message.severity === 'error');
    }
  }
  const sorted = (map: Map<string, Tally>) =>
    [...map.values()].sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const folders = sorted(byFolder);
  const shown = folders.slice(0, MAX_FOLDERS);
  const rest = folders.slice(MAX_FOLDERS);
  if (rest.length > 0) {
    shown.push(rest.reduce<Tally>((sum, t) => ({ name: `${rest.length} more folders`, errors: sum.errors + t.errors, warnings: sum.warnings + t.warnings }), { name: '', errors: 0, warnings: 0 }));
  }
  return [...tallyTable('Findings by rule', sorted(byRule), chalk), ...tallyTable('Findings by folder', shown, chalk)];
}

function tallyTable(title: string, rows: Tally[], chalk: InstanceType<typeof Chalk>): string[] {
  const nameWidth = Math.max(...rows.map((row) => row.name.length));
  const errorWidth = Math.max(...rows.map((row) => count(row.errors, 'error').length));
  return [
    chalk.bold(title),
    ...rows.map((row) => {
      const errors = count(row.errors, 'error').padEnd(errorWidth);
      return `${INDENT}${row.name.padEnd(nameWidth)}${GAP}${String(row.errors + row.warnings).padStart(6)}${GAP}${row.errors ? chalk.red(errors) : chalk.dim(errors)}${GAP}${row.warnings ? chalk.yellow(count(row.warnings, 'warning')) : chalk.dim(count(row.warnings, 'warning'))}`;
    }),
    '',
  ];
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


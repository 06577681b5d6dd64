import pkg from '../../package.json' with { type: 'json' };
import type { DiscoveryProblem } from '../core/discover.js';
import { formatters } from '../formatters/index.js';
import { displayPath } from '../formatters/types.js';
import { rules } from '../rules/index.js';
import type { BuildProgress } from '../site/build-site.js';
import type { LintGate } from '../site/lint-gate.js';
import { progressLine } from '../site/progress-line.js';
import { errorsOnly } from '../lint/engine.js';
import type { CliContext } from './context.js';
import { DEFAULT_WIDTH, terminalWidth } from './terminal-width.js';
import { count } from '../core/count.js';

/**
 * What build and export print about discovery and their lint gate. Findings that block are always
 * shown, with why the run stopped; warnings of a run that goes ahead only without --quiet.
 */
export function reportLintGate(
  context: CliContext,
  result: { status: string; lint: LintGate; problems: readonly DiscoveryProblem[] },
  flags: { quiet?: boolean },
  verb: 'build' | 'export',
): void {
  const { io } = context;
  for (const problem of result.problems) {
    if (!flags.quiet) io.stderr(`healthmd: warning: ${problem.file}: ${problem.message}\n`);
  }
  const { lint } = result;
  const blocked = result.status === 'blocked';
  // With --skip-lint the gate ran only the fatal rules, so blocked results hold nothing else;
  // --quiet shows the errors that stopped it, and nothing else.
  const shown = !flags.quiet ? lint.results : blocked ? lint.results.map(errorsOnly) : [];
  const report = formatters.stylish(shown, { cwd: context.cwd, color: context.color, width: terminalWidth(process.stderr, context.io.env) ?? DEFAULT_WIDTH, rules, version: pkg.version });
  if (report) io.stderr(report);
  if (!blocked) return;
  io.stderr(stoppedLines(lint, context.cwd, verb));
}

/** Blocking files named in a stopped run's last lines; more are counted. */
const MAX_NAMED_FILES = 10;

/**
 * The last lines of a stopped build: why, which rules, and the files to fix, so a report of
 * thousands of lines need not be scrolled back to find the three findings that matter.
 */
export function stoppedLines(lint: LintGate, cwd: string, verb: 'build' | 'export'): string {
  const fatal = lint.fatalCount > 0;
  const blocking = lint.results
    .map((result) => ({ file: displayPath(result.filePath, cwd), messages: result.messages.filter((m) => (fatal ? m.fatal : m.severity === 'error')) }))
    .filter((entry) => entry.messages.length > 0);
  const byRule = new Map<string, number>();
  for (const entry of blocking) for (const message of entry.messages) byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
  const ruleList = [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id, n]) => `${id} ${n}`).join(', ');
  const why = fatal
    ? `${count(lint.fatalCount, 'finding')} that no ${verb} can get past (${ruleList}); fix the files named`
    : `${count(lint.errorCount, 'lint error')} (${ruleList}); fix them, or run with --skip-lint to ${verb} anyway`;
  const lines = [`healthmd: ${verb} stopped: ${why}:`];
  for (const entry of blocking.slice(0, MAX_NAMED_FILES)) {
    const first = entry.messages[0];
    const rules = [...new Set(entry.messages.map((m) => m.ruleId))].join(', ');
    lines.push(`  ${entry.file}:${first.line}:${first.column}  ${count(entry.messages.length, fatal ? 'finding' : 'error')} (${rules})`);
  }
  if (blocking.length > MAX_NAMED_FILES) lines.push(`  and ${count(blocking.length - MAX_NAMED_FILES, 'more file')} (see above)`);
  return `${lines.join('\n')}\n`;
}


// A bar for a build or export that takes a moment; a quick one just prints its summary.
const BAR_DELAY_MS = 300;
const BAR_INTERVAL_MS = 100;

/** A one-line progress bar on a terminal, drawn only when the work lasts long enough to need it. */
export function progressBar(write: (text: string) => void) {
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update(label: string, done: number, total: number) {
      const now = Date.now();
      if (now - started < BAR_DELAY_MS || (now - last < BAR_INTERVAL_MS && done < total)) return;
      last = now;
      drawn = true;
      write(`\r${progressLine(label, done, total)}\x1b[K`);
    },
    clear() {
      if (drawn) write('\r\x1b[K');
    },
  };
}

/** What the bar says at each stage. */
export function progressLabel(progress: BuildProgress): string {
  return progress.stage === 'write' ? 'Writing pages' : progress.stage === 'lint' ? 'Linted' : 'Read';
}

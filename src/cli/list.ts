import { Option, type Command } from 'commander';
import { discoverArticles } from '../core/discover.js';
import { UsageError } from '../core/errors.js';
import { createProject } from '../core/project.js';
import { readArticles } from '../core/read-articles.js';
import { lintArticles } from '../lint/engine.js';
import { articleRows, toJsonRow } from '../manage/article-rows.js';
import { formatListTable } from '../manage/format-list-table.js';
import { selectRows, SORT_KEYS, type SortKey } from '../manage/select-rows.js';
import { createContext } from './context.js';
import type { Io } from './io.js';
import { terminalWidth } from './terminal-width.js';

interface ListFlags {
  json?: boolean;
  /** `--due` alone is `true`; `--due 14` is 14. */
  due?: true | number;
  sort: SortKey;
}

const DEFAULT_DUE_DAYS = 30;

function parseDays(value: string): number {
  const days = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(days)) throw new UsageError(`--due ${value}: expected a whole number of days, e.g. --due 14`);
  return days;
}

export function registerList(program: Command, io: Io, _exit: { code: number }): Command {
  return program
    .command('list')
    .description('list articles with their review status and lint findings')
    .option('--json', 'print a JSON array for scripts instead of a table')
    .option('--due [days]', `only articles overdue or due for review within DAYS days (default ${DEFAULT_DUE_DAYS})`, parseDays)
    .addOption(new Option('--sort <key>', 'order: date (newest first), title, or review (most overdue first)').choices(SORT_KEYS).default('date'))
    .addHelpText(
      'after',
      `
A review is due review.maxAgeMonths after lastReviewed (review-current's maxAgeMonths option wins
when set, as in lint and on the page). Articles of a medical type without a review
show "never reviewed" and count as overdue. On a terminal the table fits its width (or COLUMNS);
piped or in CI it has every column in full. Paths are relative to the working directory, as lint's
are, so they can be passed to review. --json keeps every field.

Examples:
  $ healthmd list                          every article, newest first
  $ healthmd list --due --sort review      what needs a review in the next 30 days, most overdue first
  $ healthmd list --due 90 --json          the same for the next 90 days, for a script
  $ HEALTHMD_NOW=2025-01-01 healthmd list  as it looked on a given day`,
    )
    .action((flags: ListFlags, command: Command) => {
      const context = createContext(io, command);
      const config = context.config();
      const now = context.now();
      const discovery = discoverArticles(config, context.cwd);
      for (const problem of discovery.problems) io.stderr(`healthmd: warning: ${problem.file}: ${problem.message}\n`);
      const articles = readArticles(discovery.files, context.cwd, config);
      // Project rules see what build publishes, as lint's do; every article still gets its own findings.
      const project = createProject({ config, articles, publish: { now } });
      const results = lintArticles(articles, { config, now, project });
      const dueWithin = flags.due === true ? DEFAULT_DUE_DAYS : flags.due;
      const rows = selectRows(articleRows(articles, results, config, now, context.cwd), { sort: flags.sort, dueWithin });
      if (flags.json) {
        io.stdout(`${JSON.stringify(rows.map(toJsonRow), null, 2)}\n`);
        return;
      }
      if (rows.length === 0) {
        io.stdout(articles.length === 0 ? `No articles in ${config.articlesDir}/.\n` : `No reviews due within ${dueWithin} days.\n`);
        return;
      }
      const width = terminalWidth({ isTTY: io.stdoutIsTTY, columns: io.stdoutColumns }, io.env) ?? Number.POSITIVE_INFINITY;
      io.stdout(formatListTable(rows, { width, color: context.color, soonDays: dueWithin ?? DEFAULT_DUE_DAYS }));
    });
}

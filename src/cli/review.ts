import { realpathSync } from 'node:fs';
import type { Command } from 'commander';
import { isCalendarDate } from '../core/dates.js';
import { discoverArticles } from '../core/discover.js';
import { ContentError, UsageError, EXIT_CONTENT } from '../core/errors.js';
import { readArticles } from '../core/read-articles.js';
import { writeFileAtomic } from '../core/write-file-atomic.js';
import { planReview } from '../manage/plan-review.js';
import { signOffFindings } from '../manage/sign-off-findings.js';
import { createContext } from './context.js';
import type { Io } from './io.js';
import { relativePath } from '../core/relative-path.js';
import { count } from '../core/count.js';

interface ReviewFlags {
  by: string;
  date?: string;
  strict?: boolean;
}

/** How many findings of an article a warning lists before it sends the reader to `healthmd lint`. */
const LISTED_FINDINGS = 5;

function parseReviewer(value: string): string {
  const by = value.trim();
  if (!by) throw new UsageError('--by needs the reviewer\'s name, e.g. --by "Dr Jane Smith, MD"');
  if (/[\u0000-\u001f\u007f]/.test(by)) throw new UsageError('--by must be one line of text without control characters');
  return by;
}

function parseDate(value: string): string {
  if (!isCalendarDate(value.trim())) throw new UsageError(`--date ${value}: expected a real day as YYYY-MM-DD, e.g. --date 2025-06-01`);
  return value.trim();
}

export function registerReview(program: Command, io: Io, exit: { code: number }): Command {
  return program
    .command('review')
    .description('record a medical review: set reviewedBy and lastReviewed, leaving every other byte of the file as it was')
    .argument('<paths...>', 'articles to mark as reviewed: files, folders or globs')
    .requiredOption('--by <reviewer>', 'who reviewed them, "Name, credentials"', parseReviewer)
    .option('--date <YYYY-MM-DD>', 'the day of the review (default: today)', parseDate)
    .option('--strict', 'refuse to record the review (exit 1, nothing written) when an article has lint errors or placeholders')
    .addHelpText(
      'after',
      `
Every file is checked before any is written: if one is refused (it does not parse, or the date is in
the future or before the article's own date), none is changed and the exit code is 1.

An article signed off while it still has lint errors or placeholders (an example reviewer, a
[[placeholder]], a missing source) gets a warning listing them; with --strict the review is refused
instead, nothing is written, and the exit code is 1.

Examples:
  $ healthmd review articles/lower-back-pain.md --by "Dr Jane Smith, MD"
  $ healthmd review articles --by "Dr Jane Smith, MD" --date 2025-03-01     every article in a folder
  $ healthmd review "articles/**/*back-pain*.md" --by "A. Patel, PT, DPT"
  $ healthmd review articles/lower-back-pain.md --by "Dr Jane Smith, MD" --strict`,
    )
    .action((paths: string[], flags: ReviewFlags, command: Command) => {
      const context = createContext(io, command);
      const today = context.now();
      const date = flags.date ?? today;
      const config = context.config();
      const display = (file: string) => relativePath(context.cwd, file);
      const discovery = discoverArticles(config, context.cwd, paths);
      for (const problem of discovery.problems) io.stderr(`healthmd: warning: ${problem.file}: ${problem.message}\n`);
      if (discovery.files.length === 0) throw new UsageError(`no Markdown articles match ${paths.join(' ')}`);
      const articles = readArticles(discovery.files, context.cwd, config);
      const plans = articles.map((article) => ({ article, plan: planReview(article, { by: flags.by, date, today }) }));

      let refused = 0;
      for (const { article, plan } of plans) {
        if (plan.kind !== 'refused') continue;
        refused++;
        const error = new ContentError(plan.message, { file: display(article.path), line: plan.place?.line, column: plan.place?.column });
        io.stderr(`healthmd: ${error.describe()}\n`);
      }
      if (refused > 0) {
        io.stderr(`healthmd: nothing was written: ${refused} of ${count(plans.length, 'file')} refused\n`);
        exit.code = EXIT_CONTENT;
        return;
      }
      const signedOff = plans.map(({ article, plan }) => ({ article, text: plan.kind === 'write' ? plan.text : undefined }));
      const findings = signOffFindings(signedOff, config, today);
      for (const [article, messages] of findings) {
        const file = display(article.path);
        const kind = flags.strict ? 'error' : 'warning';
        const problems = `${count(messages.length, 'lint error')} or placeholder${messages.length === 1 ? '' : 's'}`;
        io.stderr(`healthmd: ${kind}: ${file}: ${flags.strict ? 'not signed off' : 'signed off'} with ${problems} still in it: fix them, then check with healthmd lint ${file}\n`);
        for (const message of messages.slice(0, LISTED_FINDINGS)) io.stderr(`  ${file}:${message.line}:${message.column}  ${message.ruleId}  ${message.message}\n`);
        if (messages.length > LISTED_FINDINGS) io.stderr(`  …and ${messages.length - LISTED_FINDINGS} more\n`);
      }
      if (flags.strict && findings.size > 0) {
        io.stderr(`healthmd: nothing was written: ${findings.size} of ${count(plans.length, 'file')} not lint clean (--strict)\n`);
        exit.code = EXIT_CONTENT;
        return;
      }
      for (const { article, plan } of plans) {
        if (plan.kind === 'write') {
          // Through a symbolic link to its target: replacing the link itself would cut it.
          writeFileAtomic(realpathSync(article.path), plan.text);
          io.stdout(`${display(article.path)}: reviewed by ${flags.by} on ${date}\n`);
        } else {
          io.stderr(`healthmd: ${display(article.path)}: already reviewed by ${flags.by} on ${date}; unchanged\n`);
        }
      }
    });
}

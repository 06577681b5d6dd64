import path from 'node:path';
import type { Command } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { parseArticle } from '../core/article.js';
import { wholeSiteFits } from '../core/article-store.js';
import { LintCache } from '../cache/lint-cache.js';
import type { Config, RuleSeverity } from '../core/config.js';
import { articleRelPath, discoverArticles, projectArticleFiles, projectDiscovery, type ArticleFile, type Discovery } from '../core/discover.js';
import { describeLeftOut, unpublishedReason, type Unpublished } from '../core/publication.js';
import { UsageError, EXIT_OK, EXIT_CONTENT } from '../core/errors.js';
import { writeFileAtomic } from '../core/write-file-atomic.js';
import { FORMAT_NAMES, formatters } from '../formatters/index.js';
import { errorsOnly, type LintResult } from '../lint/engine.js';
import { FirstReads, frontMatterOnly, lintArticlesInProject, lintFilesInProject, type LintFilesOptions } from '../lint/lint-files.js';
import { lintInWorkers, workerCount } from '../lint/lint-in-workers.js';
import { relativeTargets } from '../lint/placeless.js';
import { rules } from '../rules/index.js';
import { publishedRuleDocsUrl, type PackageLinks } from '../core/rule-docs.js';
import { readRuleHelp } from '../core/rule-help.js';
import { createContext } from './context.js';
import { inShard, parseShard, type Shard } from './shard.js';
import type { Io } from './io.js';
import { parseFormatFlag, reportTargets, writeReport, type ReportTarget } from './report-targets.js';
import { DEFAULT_WIDTH, terminalWidth } from './terminal-width.js';

/** What text on stdin is called when no --stdin-filename says which file it stands for (ESLint says <text>). */
const STDIN_NAME = '<stdin>';

interface LintFlags {
  format?: ReportTarget[];
  output?: string;
  fix?: boolean;
  maxWarnings?: number;
  quiet?: boolean;
  rule?: Record<string, RuleSeverity>;
  stdin?: boolean;
  stdinFilename?: string;
  drafts?: boolean;
  future?: boolean;
  shard?: Shard;
  cache?: boolean;
}

function parseRuleFlag(value: string, previous: Record<string, RuleSeverity> = {}): Record<string, RuleSeverity> {
  const match = /^([a-z0-9-]+)=(off|warn|error)$/.exec(value.trim());
  if (!match) throw new UsageError(`--rule ${value}: expected ID=off|warn|error, e.g. --rule readability-grade=off`);
  return { ...previous, [match[1]]: match[2] as RuleSeverity };
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings ${value}: expected a whole number of 0 or more`);
  return n;
}

export function registerLint(program: Command, io: Io, exit: { code: number }): Command {
  return program
    .command('lint')
    .description('check articles for what a health article needs (sections, sources, review, disclaimer, safety)')
    .argument('[paths...]', 'files, folders or globs (default: the articles folder)')
    .option(
      '-f, --format <name[:file]>',
      `report format: ${FORMAT_NAMES.join(', ')} (default: stylish); NAME:FILE writes that report to FILE; repeatable, one run writes several`,
      parseFormatFlag,
    )
    .option('-o, --output <file>', 'write the report of the --format without a file to FILE instead of stdout')
    .option('--fix', 'apply safe fixes in place (never invents a review, a source or a date)')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('-q, --quiet', 'report errors only')
    .option('--rule <id=severity>', 'set a rule to off, warn or error (repeatable)', parseRuleFlag)
    .option('--drafts', 'lint drafts and articles with published: false too, as build --drafts publishes them')
    .option('--future', 'lint articles dated after today too, as build --future publishes them')
    .option('--shard <i/n>', 'lint only part I of N of the files (a CI matrix runs 1/N … N/N); project rules still see every article', parseShard)
    .option('--no-cache', 'ignore the cache of earlier runs in .healthmd/ (and do not update it)')
    .option('--stdin', 'lint the text on standard input')
    .option('--stdin-filename <file>', 'the path the text on stdin stands for (for messages and links)')
    .addHelpText(
      'after',
      `
Examples:
  $ healthmd lint                                  lint every article
  $ healthmd lint articles/lower-back-pain.md --fix
                                                   fix what is safe to fix in one file
  $ healthmd lint --format sarif --output lint.sarif
  $ healthmd lint --format github                  annotations in a GitHub Actions log
  $ healthmd lint --format github --format sarif:healthmd.sarif
                                                   annotations in the log and SARIF in a file, one run
  $ healthmd lint --shard 2/4 --format sarif:lint-2.sarif
                                                   the second of four CI jobs, each with its own report
  $ healthmd lint --format gitlab:gl-code-quality-report.json
                                                   GitLab Code Quality for merge requests
  $ cat draft.md | healthmd lint --stdin --stdin-filename articles/draft.md
  $ HEALTHMD_NOW=2025-01-01 healthmd lint          pin "today" for reproducible review checks`,
    )
    .action(async (paths: string[], flags: LintFlags, command: Command) => {
      const context = createContext(io, command);
      const targets = reportTargets(flags.format, flags.output, context.cwd);
      const config = context.config();
      const now = context.now();
      const ruleOverrides = flags.rule ?? {};
      let results: LintResult[];
      if (flags.stdin) {
        if (paths.length) throw new UsageError('--stdin lints standard input; do not also name files');
        if (flags.shard) throw new UsageError('--shard splits the project\'s files among CI jobs; it does not go with --stdin');
        // Without --stdin-filename the text has no file, so nothing about where it is can be checked.
        const placeless = flags.stdinFilename === undefined;
        const file = path.resolve(context.cwd, flags.stdinFilename ?? STDIN_NAME);
        const article = parseArticle({ path: file, relPath: articleRelPath(config, file), content: Buffer.from(await io.readStdin(), 'utf8'), adopt: config });
        const unchecked = placeless ? relativeTargets(article).length : 0;
        if (unchecked > 0) {
          const what = unchecked === 1 ? 'a relative link or image' : `${unchecked} relative links and images`;
          io.stderr(`healthmd: warning: ${STDIN_NAME}: ${what} not checked: text on stdin has no place in the project; pass --stdin-filename with the path it stands for, such as articles/draft.md\n`);
        }
        // Project rules see the whole project as build would publish it, as when the file itself is linted.
        const publish = { drafts: flags.drafts, future: flags.future, now };
        const { project } = publishedFiles([], projectArticleFiles(config, context.cwd), (file) => unpublishedReason(frontMatterOnly(file, config), publish), io);
        results = lintArticlesInProject([article], project, { config, cwd: context.cwd, now, ruleOverrides, fix: flags.fix, placeless });
      } else {
        if (flags.stdinFilename) throw new UsageError('--stdin-filename goes with --stdin');
        // Findings of files unchanged since an earlier run come from the cache; --fix rewrites files, so it lints them all.
        const firstReads = new FirstReads(config, context.cwd);
        const cache = flags.cache === false || flags.fix ? undefined : LintCache.open({ config, now, ruleOverrides, firstReads, warn: (message) => io.stderr(`healthmd: warning: ${message}\n`) });
        // The whole project's files: from the cache's listing while no folder of it has changed.
        const wholeProject = (walk: () => Discovery) => (cache ? cache.projectFiles(walk) : walk());
        const discovery = paths.length ? discoverArticles(config, context.cwd, paths) : wholeProject(() => discoverArticles(config, context.cwd));
        for (const problem of discovery.problems) io.stderr(`healthmd: warning: ${problem.file}: ${problem.message}\n`);
        if (discovery.files.length === 0) {
          if (paths.length) throw new UsageError(`no Markdown articles match ${paths.join(' ')}`);
          io.stderr(`healthmd: no articles in ${config.articlesDir}/\n`);
          return;
        }
        const shard = flags.shard;
        // Linted on this thread, each file lint may lint is parsed whole at its first read (publication, the project list), and that article linted.
        const lintable = shard ? discovery.files.filter((file) => inShard(file.relPath, shard)) : discovery.files;
        if (workerCount(lintable.length, io.env) === 1 && wholeSiteFits(lintable)) firstReads.parseWhole(lintable);
        const frontMatterOf = cache ? (file: ArticleFile) => cache.frontMatter(file) : (file: ArticleFile) => frontMatterOnly(file, config, firstReads);
        // Project rules see the whole project however few files are named; findings stay with the named ones.
        // Both are what build would publish: a draft's URL clashes with nothing that is built.
        const scanned = paths.length ? wholeProject(() => projectDiscovery(config, context.cwd)).files : discovery.files;
        const publish = { drafts: flags.drafts, future: flags.future, now };
        const reasonOf = cache ? (file: ArticleFile) => cache.unpublishedReason(file, publish) : (file: ArticleFile) => unpublishedReason(frontMatterOf(file), publish);
        const published = publishedFiles(discovery.files, scanned, reasonOf, io);
        const { project } = published;
        if (published.files.length === 0) return;
        // A shard's reports are written even when it holds no file, so each CI job has one to upload.
        const files = shard ? published.files.filter((file) => inShard(file.relPath, shard)) : published.files;
        results = await lintKnownFiles(files, project, cache, { config, cwd: context.cwd, configFile: context.configFile, now, ruleOverrides, fix: flags.fix, frontMatterOf, firstReads }, io.env);
        cache?.save(paths.length || shard ? undefined : scanned);
      }
      if (flags.fix) {
        for (const result of results) {
          if (result.output === undefined) continue;
          if (flags.stdin) io.stdout(result.output);
          else writeFileAtomic(result.filePath, result.output);
        }
      }
      const warnings = results.reduce((sum, r) => sum + r.warningCount, 0);
      const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
      const shown = flags.quiet ? results.map(errorsOnly) : results;
      for (const target of targets) {
        // Colour and the terminal's width only for what a person reads on the terminal.
        const toTerminal = target.file === undefined;
        const report = formatters[target.format](shown, {
          cwd: context.cwd,
          color: context.color && toTerminal,
          width: (toTerminal && terminalWidth({ isTTY: io.stdoutIsTTY, columns: io.stdoutColumns }, io.env)) || DEFAULT_WIDTH,
          rules,
          version: pkg.version,
          ...(target.format === 'sarif' ? { ruleHelp: readRuleHelp(rules.map((rule) => rule.id)), ruleUrl: (id: string) => publishedRuleDocsUrl(id, pkg as PackageLinks) } : {}),
        });
        if (target.file !== undefined) writeReport(target.file, report, context.cwd);
        else if (report) (flags.fix && flags.stdin ? io.stderr : io.stdout)(report.endsWith('\n') ? report : `${report}\n`);
      }
      const tooManyWarnings = flags.maxWarnings !== undefined && warnings > flags.maxWarnings;
      if (tooManyWarnings) io.stderr(`healthmd: ${warnings} warnings; --max-warnings allows ${flags.maxWarnings}\n`);
      exit.code = errors > 0 || tooManyWarnings ? EXIT_CONTENT : EXIT_OK;
    });
}

/**
 * Lints `files` as part of `project`: what the cache still holds comes from it, the rest is linted
 * (on several threads when there are many) and kept for the next run. Results in file order.
 */
async function lintKnownFiles(
  files: readonly ArticleFile[],
  project: readonly ArticleFile[],
  cache: LintCache | undefined,
  options: LintFilesOptions & { configFile?: string },
  env: NodeJS.ProcessEnv,
): Promise<LintResult[]> {
  const signature = cache?.projectSignature(project) ?? '';
  const results = new Map<string, LintResult>();
  for (const file of files) {
    const result = cache?.result(file, signature);
    if (result) results.set(file.path, result);
  }
  const stale = files.filter((file) => !results.has(file.path));
  const workers = workerCount(stale.length, env);
  const { config, frontMatterOf, configFile, firstReads, ...task } = { ...options, dependencies: Boolean(cache) };
  const fresh =
    stale.length === 0
      ? []
      : workers > 1
        ? await lintInWorkers({ ...task, configFile, files: stale, project }, workers)
        : lintFilesInProject(stale, project, { ...task, config, frontMatterOf, firstReads });
  for (const result of fresh) results.set(result.filePath, cache ? cache.remember(result, signature) : result);
  return files.map((file) => results.get(file.path)!);
}

/**
 * The named files and the project narrowed to what build would publish, by the same rule
 * (`unpublished` answers unpublishedReason, from the lint cache's index when it has one).
 * Files in doubt (`published: "false"`) are linted, so their wrong type is reported, but no
 * other file sees them. A note on stderr says what was left out and how to include it.
 */
function publishedFiles(
  named: readonly ArticleFile[],
  project: readonly ArticleFile[],
  unpublished: (file: ArticleFile) => Unpublished | undefined,
  io: Io,
): { files: ArticleFile[]; project: ArticleFile[] } {
  const reasons = new Map<string, Unpublished | undefined>();
  const reasonOf = (file: ArticleFile) => {
    if (!reasons.has(file.path)) reasons.set(file.path, unpublished(file));
    return reasons.get(file.path);
  };
  const leftOut: Array<{ reason: Unpublished }> = [];
  const files = named.filter((file) => {
    const reason = reasonOf(file);
    if (reason && reason !== 'in-doubt') leftOut.push({ reason });
    return reason === undefined || reason === 'in-doubt';
  });
  if (leftOut.length > 0) io.stderr(`healthmd: not linted, as build would not publish them: ${describeLeftOut(leftOut)}\n`);
  return { files, project: project.filter((file) => reasonOf(file) === undefined) };
}

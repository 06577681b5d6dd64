import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { Command } from 'commander';
import type { BuildProgress } from '../site/build-site.js';
import { buildInThread } from '../site/build-in-thread.js';
import type { Config } from '../core/config.js';
import { discoverArticles, type Discovery } from '../core/discover.js';
import { wholeSiteFits } from '../core/article-store.js';
import { createContext } from './context.js';
import { progressBar, progressLabel, reportLintGate } from './site-report.js';
import type { Io } from './io.js';
import { relativePath } from '../core/relative-path.js';
import { count } from '../core/count.js';
import { EXIT_OK, EXIT_CONTENT, UsageError } from '../core/errors.js';

interface BuildFlags {
  out?: string;
  baseUrl?: string;
  drafts?: boolean;
  future?: boolean;
  skipLint?: boolean;
  clean?: boolean;
  cache?: boolean;
  quiet?: boolean;
}

export function registerBuild(program: Command, io: Io, exit: { code: number }): Command {
  return program
    .command('build')
    .description('lint the articles, then render the site (pages, latest-posts index, tags, feed, sitemap) into the output folder')
    .option('-o, --out <dir>', 'output folder (default: outDir from config, public)')
    .option('--base-url <url>', 'absolute URL the site is served from, for canonical links, the feed and the sitemap')
    .option('--drafts', 'include drafts and articles with published: false')
    .option('--future', 'include articles dated after today (left out until their day otherwise)')
    .option('--skip-lint', 'build even when lint finds errors: files that cannot be parsed are left out and named last; clashing URLs still stop it')
    .option('--clean', 'start from an empty output folder: also drop files healthmd did not make (a CNAME, say)')
    .option('--no-cache', 'lint every article again, ignoring what earlier runs kept in .healthmd/ (and keep nothing)')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
The new site is written beside the output folder and swapped in at the end: a failed or
interrupted build leaves the previous output as it was. A rebuild (the cache in .healthmd/
knows the output) makes only the pages whose inputs changed and writes only files whose bytes
changed; the previous output's other files are hard-linked into the new folder (the output
the last build replaced, kept in .healthmd/ and brought up to date). The
output is exactly what the build published: pages of articles deleted or made drafts since
the last build go. healthmd builds into an empty folder or one an earlier build made; files
added to it since (a CNAME, say) are kept unless --clean.

Examples:
  $ healthmd build                                      lint, then build into public/
  $ healthmd build --base-url https://example.org/health/
  $ healthmd build --drafts --out preview               preview drafts in their own folder
  $ healthmd build --skip-lint                          publish despite lint errors (an unparseable file is left out and named)
  $ healthmd build --clean                              also drop files added to the output by hand`,
    )
    .action(async (flags: BuildFlags, command: Command) => {
      const context = createContext(io, command);
      const config = context.config();
      const discovery = discoverQuietly(config, context.cwd);
      // A site that keeps its articles whole holds them all by design; one that streams them should hold little.
      const keepWhole = discovery && wholeSiteFits(discovery.files, keepWholeHeap(io.env));
      if (!keepWhole) boundHeapGrowth();
      const quiet = Boolean(flags.quiet);
      const bar = !quiet && io.stdoutIsTTY ? progressBar(io.stdout) : undefined;
      let result;
      try {
        result = await buildInThread(
          {
            config,
            cwd: context.cwd,
            discovery,
            now: context.now(),
            outDir: flags.out === undefined ? undefined : path.resolve(context.cwd, flags.out),
            baseUrl: flags.baseUrl,
            drafts: flags.drafts,
            future: flags.future,
            skipLint: flags.skipLint,
            clean: flags.clean,
            cache: flags.cache,
            keepWholeHeap: keepWholeHeap(io.env),
            keepWhole,
          },
          {
            maxHeapMb: maxHeapMb(io.env),
            onWarning: (message) => io.stderr(`healthmd: warning: ${message}\n`),
            onProgress: bar && ((progress: BuildProgress) => bar.update(progressLabel(progress), progress.done, progress.total)),
          },
        );
      } finally {
        bar?.clear();
      }
      reportLintGate(context, result, flags, 'build');
      if (result.status === 'blocked') {
        exit.code = EXIT_CONTENT;
        return;
      }
      if (!quiet) {
        const where = path.relative(context.cwd, result.outDir) || '.';
        const seconds = (result.durationMs / 1000).toFixed(2);
        const changed = result.changed === undefined ? '' : `; ${count(result.changed, 'file')} changed, the rest as they were`;
        io.stdout(`Built ${count(result.pages, 'page')} from ${count(result.articles, 'article')} into ${where}/ in ${seconds} s${changed}\n`);
        // What the lint would have stopped may be on the pages now: say so, where the build says it is done.
        if (flags.skipLint) io.stderr('healthmd: warning: --skip-lint: the articles were not linted, so the pages may show what lint reports (a missing review, source or disclaimer, a placeholder, an unsafe link); run healthmd lint to see it\n');
      }
      // Last, where a long run's reader looks: what the site lacks.
      if (result.leftOut.length > 0) {
        io.stderr(`healthmd: left out ${count(result.leftOut.length, 'file')} that cannot be parsed:\n`);
        for (const article of result.leftOut) {
          const place = article.problem!.place;
          io.stderr(`  ${relativePath(context.cwd, article.path)}:${place.line}:${place.column}  ${article.problem!.message}\n`);
        }
      }
      exit.code = EXIT_OK;
    });
}

/** The articles, or undefined when finding them fails: the build then finds them again and reports why, in its own order. */
function discoverQuietly(config: Config, cwd: string): Discovery | undefined {
  try {
    return discoverArticles(config, cwd);
  } catch {
    return undefined;
  }
}

/** HEALTHMD_KEEP_WHOLE_MB: the heap the site's whole articles may take for build to keep them in memory (tuning, and tests of the streaming path). */
function keepWholeHeap(env: NodeJS.ProcessEnv): number | undefined {
  const mb = Number(env.HEALTHMD_KEEP_WHOLE_MB);
  return env.HEALTHMD_KEEP_WHOLE_MB !== undefined && Number.isFinite(mb) && mb >= 0 ? mb * 2 ** 20 : undefined;
}

/**
 * HEALTHMD_MAX_HEAP_MB: the heap the build may use, in megabytes (default: what Node allows this
 * process). Past it the build stops with exit 2 and says so, instead of V8 aborting the process.
 */
function maxHeapMb(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.HEALTHMD_MAX_HEAP_MB;
  if (value === undefined || value === '') return undefined;
  const mb = Number(value);
  if (!Number.isInteger(mb) || mb < 1) throw new UsageError(`HEALTHMD_MAX_HEAP_MB=${value}: expected a whole number of megabytes, such as 2048`);
  return mb;
}

/**
 * A streaming build's heap is mostly what it keeps of every article; V8 would let it grow to several
 * times that between full collections (10,000 articles: 541 MB resident for about 160 MB kept).
 * Growing it by a fifth at a time kept the same build at 306 MB, at no measurable cost in time; by
 * a tenth, a 100,000-article build peaked 60 MB lower than by a fifth (its last pages, tag pages of
 * 4 MB each, are made while everything the build keeps is held). A site kept whole pays for it
 * instead (4,000 articles: 9.4-10.0 s with it, 8.3-8.7 s without, for 10-20 MB more), so only
 * streaming builds bound it.
 */
function boundHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=10');
}

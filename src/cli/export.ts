import path from 'node:path';
import type { Command } from 'commander';
import { count } from '../core/count.js';
import { isCalendarDate } from '../core/dates.js';
import { UsageError, EXIT_OK, EXIT_CONTENT } from '../core/errors.js';
import { exportSite } from '../site/export-site.js';
import type { ExportTarget } from '../site/export-target.js';
import { createContext } from './context.js';
import { progressBar, progressLabel, reportLintGate } from './site-report.js';
import type { Io } from './io.js';

interface ExportFlags {
  out?: string;
  zip?: string;
  singleFile?: boolean;
  tag: string[];
  since?: string;
  drafts?: boolean;
  future?: boolean;
  skipLint?: boolean;
  quiet?: boolean;
}

export function registerExport(program: Command, io: Io, exit: { code: number }): Command {
  return program
    .command('export')
    .description('write articles and an index of them as a bundle that works from disk or any web server, as a folder, a zip or single HTML files')
    .argument('[paths...]', 'article files, folders or globs inside the articles folder (default: every article)')
    .option('-o, --out <dir>', 'write the bundle into this folder')
    .option('--zip <file>', 'write the bundle as a zip archive')
    .option('--single-file', 'write each page as one HTML file with its stylesheet and images inside it')
    .option('--tag <tag>', 'only articles with this tag (repeat for any of several)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--since <date>', 'only articles published on or after this day (YYYY-MM-DD)')
    .option('--drafts', 'include drafts and articles with published: false')
    .option('--future', 'include articles dated after today')
    .option('--skip-lint', 'export even when lint finds errors (unparseable files and clashing URLs still stop it)')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'after',
      `
The bundle holds an index of the selected articles (index.html), their pages, tag pages, the
stylesheet and every image the pages show; every link is relative and names a file
(../other/index.html), so it works opened straight from disk and from any web server. There is
no feed or sitemap. Links the authors wrote to other websites stay as they are; a link to an
article that is not in the selection becomes plain text, and an image on another website is left
out (its alt text stays). Canonical and Open Graph metadata keep the site's address (site.baseUrl).

--single-file writes every page as one file named after it: index.html, articles/<path>.html,
tags/<tag>.html, with the stylesheet in a <style> element and images as data: URIs, for a CMS
import or an email.

The export is written beside the target and renamed into place only when it is complete. An
existing folder or zip is replaced only when an earlier export made it (.healthmd-export.json in
a folder, the archive's comment in a zip). The same articles give a zip with the same bytes.

Examples:
  $ healthmd export --out handoff                         every article, as a folder
  $ healthmd export --zip handoff.zip --tag "back pain"   one topic, as an archive
  $ healthmd export articles --since 2024-01-01 --out since-2024   a folder's articles dated 2024 or later
  $ healthmd export articles/lower-back-pain.md --single-file --out cms`,
    )
    .action(async (paths: string[], flags: ExportFlags, command: Command) => {
      const context = createContext(io, command);
      const target = exportTarget(flags, context.cwd);
      if (flags.since !== undefined && !isCalendarDate(flags.since)) {
        throw new UsageError(`--since ${flags.since}: expected a day as YYYY-MM-DD, such as 2024-05-08`);
      }
      const config = context.config();
      const quiet = Boolean(flags.quiet);
      const bar = !quiet && io.stdoutIsTTY ? progressBar(io.stdout) : undefined;
      const result = await exportSite({
        config,
        cwd: context.cwd,
        now: context.now(),
        paths,
        target,
        singleFile: flags.singleFile,
        tags: flags.tag,
        since: flags.since,
        drafts: flags.drafts,
        future: flags.future,
        skipLint: flags.skipLint,
        onProgress: bar && ((progress) => bar.update(progressLabel(progress), progress.done, progress.total)),
      }).finally(() => bar?.clear());
      reportLintGate(context, result, flags, 'export');
      if (result.status === 'blocked') {
        exit.code = EXIT_CONTENT;
        return;
      }
      if (!quiet) {
        for (const notice of result.notices) io.stderr(`healthmd: warning: ${notice.file}:${notice.line}:${notice.column}: ${notice.message}\n`);
        const where = path.relative(context.cwd, target.path) || '.';
        const seconds = (result.durationMs / 1000).toFixed(2);
        const into = target.kind === 'folder' ? `${where}/` : where;
        io.stdout(
          `Exported ${count(result.articles, 'article')} (${count(result.pages, 'page')}${flags.singleFile ? ', single files' : ''}) into ${into}: ${count(result.files, 'file')}, ${size(result.bytes)}, in ${seconds} s\n`,
        );
      }
      exit.code = EXIT_OK;
    });
}

function exportTarget(flags: ExportFlags, cwd: string): ExportTarget {
  if (flags.out !== undefined && flags.zip !== undefined) throw new UsageError('--out and --zip both name where the export goes; give one of them');
  if (flags.out !== undefined) return { kind: 'folder', path: path.resolve(cwd, flags.out) };
  if (flags.zip !== undefined) return { kind: 'zip', path: path.resolve(cwd, flags.zip) };
  throw new UsageError('say where the export goes: --out DIR for a folder or --zip FILE for an archive');
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

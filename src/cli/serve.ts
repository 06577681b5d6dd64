import type { Command } from 'commander';
import path from 'node:path';
import { projectPath } from '../core/config.js';
import { UsageError, EXIT_OK } from '../core/errors.js';
import { halfSwapped } from '../site/write-site.js';
import { createContext } from './context.js';
import type { Io } from './io.js';
import { relativePath } from '../core/relative-path.js';
import { count } from '../core/count.js';

interface ServeFlags {
  port: number;
  host: string;
  drafts?: boolean;
  future?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port > 65535) {
    throw new UsageError(`--port ${value}: expected a port number from 0 to 65535 (0 picks a free port)`);
  }
  return port;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function registerServe(program: Command, io: Io, exit: { code: number }): Command {
  return program
    .command('serve')
    .description("preview the site locally: rebuilds what changed on save, reloads open pages and shows each page's lint findings")
    .option('-p, --port <n>', 'port to listen on; 0 picks a free one', parsePort, 4000)
    .option('--host <address>', 'address to listen on; anything but loopback lets other machines see the preview', '127.0.0.1')
    .option('--drafts', 'include drafts and articles with published: false, as build --drafts does (their pages say "Draft")')
    .option('--future', 'include articles dated after today, as build --future does')
    .addHelpText(
      'after',
      `
The site is rendered in memory: nothing is written to the output folder. Pages are rendered
when first asked for and kept until a file they show changes. Saving an article re-reads only
that file; its page reloads, and when its title, date, description or tags change, so do the
index, tag and latest-posts lists. Template changes reload every page.

Each page shows its article's lint findings (rule, line, message) in a panel that build never
adds; the home page lists articles that cannot be shown. A template error shows in the panel
instead of the page. Drafts are left out unless --drafts is given, as in build.
Changes to the config file take effect when serve is started again.

Ctrl-C stops it (exit 0). A port in use is exit 2: pass --port N, or --port 0 for a free one.

Examples:
  $ healthmd serve                          http://127.0.0.1:4000/
  $ healthmd serve --port 0                 any free port (the address is printed)
  $ healthmd serve --drafts                 preview drafts too
  $ healthmd serve --host 0.0.0.0           let other devices on the network see it`,
    )
    .action(async (flags: ServeFlags, command: Command) => {
      if (!flags.host.trim()) throw new UsageError('--host: expected an address such as 127.0.0.1 (the default), ::1 or 0.0.0.0');
      const context = createContext(io, command);
      const config = context.config();
      const { startPreviewServer } = await import('../serve/preview-server.js');
      const totals = (t: { errorCount: number; warningCount: number }) => `${count(t.errorCount, 'error')}, ${count(t.warningCount, 'warning')}`;
      // A broken template or a missing articles folder stops every page: say so where the user is looking.
      const reportBlocking = (finding?: { file: string; line?: number; column?: number; message: string }) => {
        if (!finding) return;
        const place = finding.line ? `:${finding.line}${finding.column ? `:${finding.column}` : ''}` : '';
        io.stderr(`healthmd: ${finding.file}${place}: ${finding.message}\n`);
      };
      const server = await startPreviewServer({
        config,
        cwd: context.cwd,
        now: context.now(),
        drafts: Boolean(flags.drafts),
        future: Boolean(flags.future),
        host: flags.host,
        port: flags.port,
        onWarning: (message) => io.stderr(`healthmd: warning: ${message}\n`),
        onUpdate: (result) => {
          reportBlocking(result.blocking);
          const what = result.files.length > 0 ? result.files.join(', ') : 'files';
          const pages = result.pages === 'all' ? 'all pages' : count(result.pages.size, 'page');
          io.stdout(`Updated ${what} in ${Math.round(result.durationMs)} ms (${pages}; ${totals(result)})\n`);
        },
      });
      const status = server.site.status();
      reportBlocking(status.blocking);
      if (!LOOPBACK.has(flags.host)) {
        io.stderr(`healthmd: warning: listening on ${flags.host}: other machines on the network can see the preview\n`);
      }
      // serve never writes the output folder, but an editor about to deploy it should hear it is gone.
      const outDir = projectPath(config, 'outDir');
      const aside = halfSwapped(outDir);
      if (aside) {
        const shown = (file: string) => relativePath(context.cwd, file);
        io.stderr(
          `healthmd: warning: ${shown(outDir)} is missing: a build was killed while replacing it, and the previous output is in ${shown(aside)}; 'healthmd build' puts it back (or rename that folder to ${path.basename(outDir)})\n`,
        );
      }
      io.stdout(`Serving ${server.url} — Ctrl-C to stop\n`);
      io.stdout(`${count(status.articles, 'article')}: ${totals(status)}; each page shows its own findings\n`);
      await stopSignal();
      await server.close();
      exit.code = EXIT_OK;
    });
}

/** Resolves on the first Ctrl-C (SIGINT) or SIGTERM; the listeners are removed again. */
function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

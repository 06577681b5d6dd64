import path from 'node:path';
import { Option, type Command } from 'commander';
import { HealthmdError } from '../core/errors.js';
import type { InitReport } from '../scaffold/init-project.js';
import { createContext } from './context.js';
import type { Io } from './io.js';

interface InitFlags {
  yes?: boolean;
  templates?: boolean;
  ci?: 'github';
}

export function registerInit(program: Command, io: Io, _exit: { code: number }): Command {
  return program
    .command('init')
    .description('set up a content project: config, articles folder with an example, .gitignore entries')
    .argument('[dir]', 'the project folder (created when missing)', '.')
    .option('-y, --yes', 'ask nothing: use the default site title, base URL and language')
    .option('--templates', 'copy the built-in templates into templates/ to customise them')
    .addOption(new Option('--ci <provider>', 'also write a CI workflow that lints pull requests').choices(['github']))
    .addHelpText(
      'after',
      `
Writes healthmd.config.yaml (every key explained, defaults shown), articles/ with an example article,
and adds .healthmd/ and the output folder to .gitignore. It never overwrites a file: running it
again changes nothing, and it lists what it created and what it left alone. On a terminal it asks
for the site title, base URL and language.

Examples:
  $ healthmd init                          set up the current folder
  $ healthmd init my-clinic --yes          a new folder, default answers
  $ healthmd init --templates              also copy the templates to customise them
  $ healthmd init --ci github              also lint pull requests on GitHub Actions`,
    )
    .action(async (dir: string, flags: InitFlags, command: Command) => {
      const context = createContext(io, command);
      const today = context.now();
      const root = path.resolve(context.cwd, dir);
      const { initProject, projectConfigFile } = await import('../scaffold/init-project.js');
      const { askSite } = await import('../scaffold/ask-site.js');
      const { inquirerPrompter, isPromptCancelled } = await import('../scaffold/prompter.js');
      // An existing config is kept as it is, so asking what to put in a new one would be pointless.
      const prompter = io.stdinIsTTY && !flags.yes && !projectConfigFile(root) ? await inquirerPrompter() : undefined;
      let report: InitReport;
      try {
        report = initProject({ dir: root, site: await askSite(root, prompter), templates: flags.templates, ci: flags.ci, today });
      } catch (error) {
        if (isPromptCancelled(error)) throw new HealthmdError('cancelled; nothing was written');
        throw error;
      }
      io.stdout(describe(report, context.cwd, root));
    });
}

function describe(report: InitReport, cwd: string, root: string): string {
  const show = (file: string) => path.relative(cwd, file) || '.';
  const lines: string[] = [];
  if (report.created.length) lines.push('Created:', ...report.created.map((file) => `  ${show(file)}`));
  if (report.updated.length) lines.push('Updated:', ...report.updated.map((u) => `  ${show(u.file)} (added ${u.added.join(', ')}${u.kept ? `; ${u.kept}` : ''})`));
  if (report.kept.length) lines.push('Left alone:', ...report.kept.map((k) => `  ${show(k.file)} (${k.reason})`));
  if (report.created.length === 0 && report.updated.length === 0) lines.push('Nothing to do: the project is set up.');
  // The next commands run in the project, which need not be where init was run.
  const project = path.relative(cwd, root);
  const cd = project ? `cd ${shellQuote(project)}   then   ` : '';
  // A project that installs healthmd as a dev dependency has it in node_modules/.bin, not on the PATH.
  const healthmd = report.ownCopy ? 'npx healthmd' : 'healthmd';
  lines.push('', `Next: ${cd}${healthmd} new "Your first article"   then   ${healthmd} lint`);
  return `${lines.join('\n')}\n`;
}

/** A path as a POSIX shell reads it back: quoted only when it needs to be. */
function shellQuote(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

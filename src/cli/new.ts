import path from 'node:path';
import type { Command } from 'commander';
import { articlesFolderMissing, hasArticlesFolder } from '../core/discover.js';
import { HealthmdError } from '../core/errors.js';
import type { NewFlags } from '../scaffold/resolve-new-article.js';
import { createContext } from './context.js';
import type { Io } from './io.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerNew(program: Command, io: Io, _exit: { code: number }): Command {
  return program
    .command('new')
    .description('start a new article from its type\'s template (asks for what is missing on a terminal)')
    .argument('[title]', 'the article\'s title (the file name is made from it)')
    .option('-t, --type <type>', 'article type: condition, treatment, article or a type from the config')
    .option('--condition <name>', 'the condition the article is about')
    .option('--treatment <name>', 'a treatment the article covers; gets its own section (repeatable)', collect)
    .option('--author <name>', 'the author')
    .option('--reviewer <name>', 'the medical reviewer, with credentials (reviewedBy); record the review once it has taken place with healthmd review')
    .option('--slug <slug>', 'file name instead of one made from the title (lower-case letters, digits, hyphens)')
    .option('--dir <subfolder>', 'write into this sub-folder of the articles folder')
    .option('--tag <tag>', 'a tag (repeatable)', collect)
    .option('-y, --yes', 'ask nothing: use the flags and the defaults (what happens without a terminal)')
    .option('--open', 'open the new article in $VISUAL or $EDITOR')
    .addHelpText(
      'after',
      `
Writes <articles>/<slug>.md from templates/articles/<type>.md (a project's own template wins) with the
front matter filled in, a heading for every section the type requires, and [[placeholders]] where
you write; lint fails until every placeholder is replaced. It never overwrites a file: if the file
exists it exits 1 and leaves it as it was.

Examples:
  $ healthmd new                                          asks for the title, type, condition…
  $ healthmd new "Lower back pain" --type condition --treatment Physiotherapy --treatment "Pain relief"
  $ healthmd new "Flu vaccine" --type treatment --author "Sam Lee" --reviewer "Dr Ana Ruiz, GP" --yes
  $ healthmd new "Knee pain" --dir joints --tag knees --yes --open     articles/joints/knee-pain.md, opened in $EDITOR`,
    )
    .action(async (title: string | undefined, flags: NewFlags, command: Command) => {
      const context = createContext(io, command);
      const config = context.config();
      // No config and no articles folder: almost always the wrong folder, where a stray articles/ would be made.
      if (!config.file && !hasArticlesFolder(config)) throw articlesFolderMissing(config, context.cwd, "run healthmd in the project's folder (or with -C DIR)");
      const today = context.now();
      const { resolveNewArticle } = await import('../scaffold/resolve-new-article.js');
      const { createArticle } = await import('../scaffold/create-article.js');
      const { inquirerPrompter, isPromptCancelled } = await import('../scaffold/prompter.js');
      const prompter = io.stdinIsTTY && !flags.yes ? await inquirerPrompter() : undefined;
      let file: string;
      try {
        const article = await resolveNewArticle(title, flags, config, today, prompter);
        file = createArticle(article, config, context.cwd);
      } catch (error) {
        // Ctrl-C at a question: the user changed their mind, which is not a failure worth a trace.
        if (isPromptCancelled(error)) throw new HealthmdError('cancelled; nothing was written');
        throw error;
      }
      const shown = path.relative(context.cwd, file);
      io.stdout(`${shown}\n`);
      if (io.stdoutIsTTY) io.stderr(`Replace every [[placeholder]], then check it with: healthmd lint ${shown}\n`);
      if (flags.open) {
        const { openInEditor } = await import('../scaffold/open-in-editor.js');
        const problem = openInEditor(file, io.env);
        if (problem) io.stderr(`healthmd: --open: ${problem}; the article is at ${shown}\n`);
      }
    });
}

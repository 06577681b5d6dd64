import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { HealthmdError, EXIT_USAGE } from '../core/errors.js';
import { registerBuild } from './build.js';
import { registerExport } from './export.js';
import { registerInit } from './init.js';
import { registerLint } from './lint.js';
import { registerList } from './list.js';
import { registerNew } from './new.js';
import { registerReview } from './review.js';
import { registerRules } from './rules.js';
import { registerServe } from './serve.js';
import { processIo, type Io } from './io.js';

export function createProgram(io: Io, exit: { code: number }): Command {
  const program = new Command('healthmd')
    .description('Scaffold, lint and publish health articles written in Markdown.')
    .version(pkg.version, '--version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--config <file>', 'use this config file instead of the nearest healthmd.config.*')
    .addOption(new Option('-C <dir>', 'run as if started in <dir>'))
    .option('--no-color', 'plain output without colour (also NO_COLOR)')
    .option('--debug', 'show stack traces and internal details on failure')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(text.replace(/^error: /, 'healthmd: ')),
    })
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes: 0 success, 1 the content is at fault (lint errors, unparseable articles), 2 usage, config or I/O error.

Examples:
  $ healthmd lint                      lint every article in articles/
  $ healthmd build                     lint, then build the site into public/
  $ healthmd new "Managing Back Pain" --type treatment
  $ healthmd help lint                 options of one command`,
    );
  program.configureHelp({ sortSubcommands: false, showGlobalOptions: true });
  for (const register of [registerInit, registerNew, registerLint, registerBuild, registerExport, registerList, registerReview, registerServe, registerRules]) {
    const command = register(program, io, exit);
    command.exitOverride().configureOutput(program.configureOutput());
  }
  return program;
}

/** Runs the CLI and returns the exit code. Never throws; prints a stack trace only with --debug. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  const exit = { code: 0 };
  const program = createProgram(io, exit);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit.code;
  } catch (error) {
    const debug = argv.includes('--debug');
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (error instanceof HealthmdError) {
      io.stderr(`healthmd: ${error.describe()}\n`);
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`healthmd: internal error: ${message}\n`);
    io.stderr(debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug for details, and report it if it persists.\n');
    return EXIT_USAGE;
  }
}

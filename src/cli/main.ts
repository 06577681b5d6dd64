import { Command, CommanderError, Option } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { isMainThread, workerData } from 'node:worker_threads';
import { bundleThreadRole, type ThreadRole } from '../core/bundle-thread.js';
import { HealthmdError, EXIT_USAGE, EXIT_OK } from '../core/errors.js';
import { processIo, type Io } from './io.js';

type Register = (program: Command, io: Io, exit: { code: number }) => Command;

/**
 * Commands in the order help lists them. Each is loaded only when it runs (or for help), so
 * `healthmd lint` never pays for the renderer, the templates or the prompts.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  init: async () => (await import('./init.js')).registerInit,
  new: async () => (await import('./new.js')).registerNew,
  lint: async () => (await import('./lint.js')).registerLint,
  build: async () => (await import('./build.js')).registerBuild,
  export: async () => (await import('./export.js')).registerExport,
  list: async () => (await import('./list.js')).registerList,
  review: async () => (await import('./review.js')).registerReview,
  serve: async () => (await import('./serve.js')).registerServe,
  rules: async () => (await import('./rules.js')).registerRules,
};

/** Global options that take a value, so their value is not mistaken for the command name. */
const GLOBAL_WITH_VALUE = new Set(['--config', '-C']);

/** The command an argument list runs, if it names one (otherwise help or an error needs them all). */
export function commandName(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (GLOBAL_WITH_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    return Object.hasOwn(COMMANDS, arg) ? arg : undefined;
  }
  return undefined;
}

export async function createProgram(io: Io, exit: { code: number }, argv: readonly string[] = []): Promise<Command> {
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
  const only = commandName(argv);
  const names = only ? [only] : Object.keys(COMMANDS);
  const registers = await Promise.all(names.map((name) => COMMANDS[name]()));
  for (const register of registers) {
    const command = register(program, io, exit);
    command.exitOverride().configureOutput(program.configureOutput());
  }
  return program;
}

/** Runs the CLI and returns the exit code. Never throws; prints a stack trace only with --debug. */
export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  const exit = { code: 0 };
  try {
    const program = await createProgram(io, exit, argv);
    await program.parseAsync(argv, { from: 'user' });
    return exit.code;
  } catch (error) {
    const debug = argv.includes('--debug');
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
      // Help asked for (`--help`, `help`) went to stdout; help shown because no command was given went
      // to stderr, and is a usage fault, as git and npm treat it.
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
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

/** What a worker thread of the bundle runs, by the role it was started with (core/bundle-thread.ts; the file writer has a bundle of its own). */
const THREAD_ROLES: Record<Exclude<ThreadRole, 'write'>, () => Promise<unknown>> = {
  lint: () => import('../lint/lint-worker.js'),
  build: () => import('../site/build-worker.js'),
};

// This module is the bundle's entry, and worker threads start the bundle too: theirs runs its role's
// module, never the CLI (bin/healthmd.js calls run() on the main thread only).
const threadRole = isMainThread ? undefined : bundleThreadRole(workerData);
if (threadRole && threadRole !== 'write') void THREAD_ROLES[threadRole]();

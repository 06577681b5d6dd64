import { statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type Config } from '../core/config.js';
import { today, type CalendarDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

/** What every command gets: where it runs, how it prints, and the settings merged in one place. */
export interface CliContext {
  io: Io;
  /** The working directory after `-C DIR`. */
  cwd: string;
  color: boolean;
  debug: boolean;
  configFile?: string;
  /** Loads and validates the configuration (once). */
  config(): Config;
  /** Today, or HEALTHMD_NOW. */
  now(): CalendarDate;
}

export interface GlobalOptions {
  config?: string;
  C?: string;
  color?: boolean;
  debug?: boolean;
}

export function createContext(io: Io, command: Command): CliContext {
  const globals = command.optsWithGlobals() as GlobalOptions;
  const cwd = globals.C ? path.resolve(io.cwd, globals.C) : io.cwd;
  if (globals.C) checkFolder(globals.C, cwd);
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  const forceColor = io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0';
  let config: Config | undefined;
  return {
    io,
    cwd,
    color: globals.color !== false && !noColor && (io.stdoutIsTTY || forceColor),
    debug: Boolean(globals.debug),
    configFile: globals.config,
    config() {
      config ??= loadConfig(cwd, globals.config);
      return config;
    },
    now() {
      try {
        return today(io.env);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    },
  };
}

/** `-C DIR` names a folder that exists: otherwise every command would blame what it found missing inside it. */
function checkFolder(given: string, folder: string): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new UsageError(`-C ${given}: no such folder; pass a folder that exists`);
  }
  if (!isFolder) throw new UsageError(`-C ${given}: is not a folder; pass the folder to run in`);
}

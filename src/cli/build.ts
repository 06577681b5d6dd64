import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

export function registerBuild(program: Command, _io: Io, _exit: { code: number }): Command {
  return program
    .command('build')
    .description('(not available yet)')
    .action(() => {
      throw new UsageError("'build' is not available in this version");
    });
}

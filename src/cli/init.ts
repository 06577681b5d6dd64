import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

export function registerInit(program: Command, _io: Io, _exit: { code: number }): Command {
  return program
    .command('init')
    .description('(not available yet)')
    .action(() => {
      throw new UsageError("'init' is not available in this version");
    });
}

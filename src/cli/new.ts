import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

export function registerNew(program: Command, _io: Io, _exit: { code: number }): Command {
  return program
    .command('new')
    .description('(not available yet)')
    .action(() => {
      throw new UsageError("'new' is not available in this version");
    });
}

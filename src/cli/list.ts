import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

export function registerList(program: Command, _io: Io, _exit: { code: number }): Command {
  return program
    .command('list')
    .description('(not available yet)')
    .action(() => {
      throw new UsageError("'list' is not available in this version");
    });
}

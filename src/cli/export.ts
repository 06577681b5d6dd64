import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

export function registerExport(program: Command, _io: Io, _exit: { code: number }): Command {
  return program
    .command('export')
    .description('(not available yet)')
    .action(() => {
      throw new UsageError("'export' is not available in this version");
    });
}

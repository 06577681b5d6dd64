import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

export function registerServe(program: Command, _io: Io, _exit: { code: number }): Command {
  return program
    .command('serve')
    .description('(not available yet)')
    .action(() => {
      throw new UsageError("'serve' is not available in this version");
    });
}

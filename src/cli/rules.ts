import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

export function registerRules(program: Command, _io: Io, _exit: { code: number }): Command {
  return program
    .command('rules')
    .description('(not available yet)')
    .action(() => {
      throw new UsageError("'rules' is not available in this version");
    });
}

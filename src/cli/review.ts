import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

export function registerReview(program: Command, _io: Io, _exit: { code: number }): Command {
  return program
    .command('review')
    .description('(not available yet)')
    .action(() => {
      throw new UsageError("'review' is not available in this version");
    });
}

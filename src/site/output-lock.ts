import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { HealthmdError } from '../core/errors.js';
import { isRunning } from '../core/process-alive.js';

export interface OutputLock {
  release(): void;
}

/**
 * Takes the output's lock for the whole run: a file beside the output (`.public.healthmd-lock`,
 * holding the process id) created exclusively, so a build and an export aimed at one folder
 * cannot interleave their files. A lock whose process is gone (a killed run) is taken over; one
 * whose process is at work is refused with exit 2, naming it.
 */
export function lockOutput(target: string, display: (p: string) => string): OutputLock {
  const lock = path.join(path.dirname(target), `.${path.basename(target)}.healthmd-lock`);
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        throw new HealthmdError(`cannot lock ${display(target)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that its folder is writable`, { file: lock, cause: error });
      }
      const holder = lockHolder(lock);
      if (holder === undefined ? justMade(lock) : isRunning(holder)) {
        throw new HealthmdError(
          `${display(target)} is being written by another healthmd run${holder ? ` (process ${holder})` : ''}; wait for it to finish, then run again`,
          { file: lock },
        );
      }
      // Left by a run that was killed.
      unlinkSync(lock);
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        try {
          unlinkSync(lock);
        } catch {
          // Already gone: nothing to release.
        }
      },
    };
  }
}

function lockHolder(lock: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** An empty lock younger than a second is one whose holder has not written its id yet. */
function justMade(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs < 1000;
  } catch {
    return false;
  }
}

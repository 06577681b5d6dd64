import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { HealthmdError } from '../core/errors.js';
import { isRunning } from '../core/process-alive.js';
import { ioFailure } from '../core/io-failure.js';

export interface OutputLock {
  release(): void;
}

/**
 * Takes the output's lock for the whole run: a file beside the output (`.public.healthmd-lock`,
 * holding the process id) created exclusively, so a build and an export aimed at one folder
 * cannot interleave their files. A lock whose process is gone (a killed run) is taken over; one
 * whose process is at work is refused with exit 2, naming it. `flag` is the option that picks another
 * place (`--out`), offered when this one cannot be written.
 */
export function lockOutput(target: string, display: (p: string) => string, flag?: string): OutputLock {
  const lock = path.join(path.dirname(target), `.${path.basename(target)}.healthmd-lock`);
  try {
    mkdirSync(path.dirname(lock), { recursive: true });
  } catch (error) {
    throw new HealthmdError(`cannot make the folder for ${display(target)}: ${ioFailure(error, { elsewhere: flag })}`, { file: display(path.dirname(target)), cause: error });
  }
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        throw new HealthmdError(`cannot lock ${display(target)}: ${ioFailure(error, { elsewhere: flag })}`, { file: display(lock), cause: error });
      }
      const holder = lockHolder(lock);
      if (holder === undefined ? justMade(lock) : holderIsAlive(holder)) {
        throw new HealthmdError(
          `${display(target)} is being written by another healthmd run${holder ? ` (process ${holder.pid})` : ''}; wait for it to finish, then run again`,
          { file: lock },
        );
      }
      // Left by a run that was killed.
      unlinkSync(lock);
      continue;
    }
    writeSync(fd, `${process.pid} ${STARTED}\n`);
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

/** When this process started (ms since the epoch): with the id, it tells this process from an earlier one that had the same id. */
const STARTED = Math.round(Date.now() - process.uptime() * 1000);

interface Holder {
  pid: number;
  started?: number;
}

function lockHolder(lock: string): Holder | undefined {
  try {
    const [pid, started] = readFileSync(lock, 'utf8').trim().split(/\s+/).map((part) => Number.parseInt(part, 10));
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    return { pid, started: Number.isInteger(started) ? started : undefined };
  } catch {
    return undefined;
  }
}

/**
 * Whether the run that took the lock is still at work. Process ids are reused, and a fresh
 * container hands every run the same few: a lock naming this process's own id but another start
 * time was left by an earlier run that was killed.
 */
function holderIsAlive(holder: Holder): boolean {
  if (holder.pid === process.pid) return holder.started !== undefined && Math.abs(holder.started - STARTED) < 1000;
  return isRunning(holder.pid);
}

/** An empty lock younger than a second is one whose holder has not written its id yet. */
function justMade(lock: string): boolean {
  try {
    return Date.now() - statSync(lock).mtimeMs < 1000;
  } catch {
    return false;
  }
}

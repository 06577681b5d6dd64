import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HealthmdError } from './errors.js';
import { isRunning } from './process-alive.js';
import { ioFailure } from './io-failure.js';

/**
 * Writes a file so that readers see the old bytes or the new ones, never a half-written file: the
 * bytes go to a temporary file beside it (`.name.md.<pid>.<time>.tmp`), renamed over it. Temporary
 * files in that folder left by a killed run (review, lint --fix) are removed first.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  sweepTemporaryFiles(path.dirname(file));
  try {
    // The new file keeps the old one's permissions.
    let mode: number | undefined;
    try {
      mode = statSync(file).mode & 0o7777;
    } catch {
      mode = undefined;
    }
    writeFileSync(temp, data, { flag: 'wx', mode });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new HealthmdError(`cannot write file: ${ioFailure(error)}`, { file, cause: error });
  }
}

const TEMPORARY = /^\..+\.md\.(\d+)\.[0-9a-z]+\.tmp$/i;

function sweepTemporaryFiles(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (match && !isRunning(Number(match[1]))) rmSync(path.join(folder, name), { force: true });
  }
}

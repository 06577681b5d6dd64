import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HealthmdError } from './errors.js';

/** Writes a file so that readers see the old bytes or the new ones, never a half-written file. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
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
    throw new HealthmdError(`cannot write file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file, cause: error });
  }
}

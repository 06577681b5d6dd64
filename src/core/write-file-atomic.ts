import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HealthmdError } from './errors.js';

/** Writes a file so that readers see the old bytes or the new ones, never a half-written file. */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new HealthmdError(`cannot write file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { file, cause: error });
  }
}

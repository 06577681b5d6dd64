import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const REMOVER = `
const fs = require('node:fs');
try { fs.rmSync(process.argv[1], { recursive: true, force: true, maxRetries: 3 }); } catch {}
`;

/**
 * Removes a folder in a detached process, so the command can finish without waiting. Deleting a
 * large tree is slow on some disks; a build must not pay for it. If the process cannot start, the
 * folder is removed here instead. A folder left behind by a killed remover is swept by the next build.
 */
export function removeLater(dir: string): void {
  try {
    const child = spawn(process.execPath, ['-e', REMOVER, dir], { detached: true, stdio: 'ignore', env: {} });
    child.on('error', () => removeNow(dir));
    child.unref();
  } catch {
    removeNow(dir);
  }
}

export function removeNow(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // Swept by the next build.
  }
}

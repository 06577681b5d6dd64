import { chmodSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The folders this test file made, removed once its tests have run (tests/support/remove-temp-folders.ts). */
const made: string[] = [];

/**
 * A fresh folder under the system temp dir, named `<prefix>XXXXXX`, that is removed after the last
 * test of the file that made it: a test never has to clean up after itself, and no run leaves its
 * folders behind.
 */
export function tempFolder(prefix = 'healthmd-test-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes every folder tempFolder made, including those a test took the permissions away from. */
export function removeTempFolders(): void {
  for (const dir of made.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A folder a test made unreadable (chmod 000) stops rm for anyone but root: give it back first.
      openUp(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function openUp(dir: string): void {
  try {
    chmodSync(dir, 0o700);
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) openUp(path.join(dir, entry.name));
  } catch {
    // Not ours to open (another user's): rm reports what it still cannot remove.
  }
}

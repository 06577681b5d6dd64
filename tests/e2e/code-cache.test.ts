import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers.js';
import { tempFolder } from '../support/temp-folders.js';

const SAMPLE = 'articles/collaborative-care-back-pain.md';

/** A copy of the installed package (bin, dist, package.json), to spoil its code cache. */
function installedCopy(): string {
  const dir = tempFolder('healthmd-code-cache-');
  for (const name of ['bin', 'dist', 'package.json']) cpSync(path.join(REPO, name), path.join(dir, name), { recursive: true });
  return dir;
}

const lint = (pkg: string, userCache: string) =>
  spawnSync(process.execPath, [path.join(pkg, 'bin/healthmd.js'), 'lint', '--format', 'json', SAMPLE], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', NODE_OPTIONS: '', HEALTHMD_NOW: '2026-01-01', HEALTHMD_CODE_CACHE_DIR: userCache },
  });

describe("the CLI's code cache", () => {
  it('ships with the bundle and is used as it is: nothing is written to the user cache', () => {
    expect(readdirSync(path.join(REPO, 'dist/code-cache')).filter((name) => name.endsWith('.v8'))).toHaveLength(1);
    const userCache = tempFolder('healthmd-user-cache-');
    const result = lint(REPO, userCache);
    expect([0, 1]).toContain(result.status);
    expect(JSON.parse(result.stdout)[0].filePath).toBe(SAMPLE);
    expect(readdirSync(userCache)).toEqual([]);
  });

  it('ignores a corrupted cache, runs as without one, and writes a good one to the user cache', () => {
    const pkg = installedCopy();
    const cacheDir = path.join(pkg, 'dist/code-cache');
    const [name] = readdirSync(cacheDir);
    const bytes = readFileSync(path.join(cacheDir, name));
    // V8 itself accepts a payload with a flipped byte; only the digest in front of it tells.
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(path.join(cacheDir, name), bytes);
    const userCache = tempFolder('healthmd-user-cache-');
    const expected = lint(REPO, tempFolder('healthmd-user-cache-'));
    const spoiled = lint(pkg, userCache);
    expect({ status: spoiled.status, stdout: spoiled.stdout, stderr: spoiled.stderr }).toEqual({ status: expected.status, stdout: expected.stdout, stderr: expected.stderr });
    expect(readdirSync(userCache)).toEqual([name]);
    // The next start uses the user's cache and writes nothing more.
    const again = lint(pkg, userCache);
    expect(again.stdout).toBe(expected.stdout);
    expect(readdirSync(userCache)).toEqual([name]);
  });

  it('keeps the newest eight caches in the user cache folder, and removes what a killed run left half-written', () => {
    const pkg = installedCopy();
    writeFileSync(path.join(pkg, 'dist/code-cache', readdirSync(path.join(pkg, 'dist/code-cache'))[0]), 'not a cache');
    const userCache = tempFolder('healthmd-user-cache-');
    // Caches of other versions and flags, a day apart, the newest first; an old and a fresh half-written file; someone else's file.
    const others = Array.from({ length: 10 }, (_, i) => `cli-${String(i).padStart(32, '0')}.v8`);
    const day = 24 * 60 * 60;
    const now = Date.now() / 1000;
    others.forEach((name, i) => {
      writeFileSync(path.join(userCache, name), 'an older cache');
      utimesSync(path.join(userCache, name), now - (i + 1) * day, now - (i + 1) * day);
    });
    writeFileSync(path.join(userCache, 'cli-old.v8.123.tmp'), 'half');
    utimesSync(path.join(userCache, 'cli-old.v8.123.tmp'), now - day, now - day);
    writeFileSync(path.join(userCache, 'cli-fresh.v8.456.tmp'), 'half');
    writeFileSync(path.join(userCache, 'notes.txt'), 'mine');
    const result = lint(pkg, userCache);
    expect([0, 1]).toContain(result.status);
    const written = readdirSync(userCache).filter((name) => name.endsWith('.v8') && !others.includes(name));
    expect(written).toHaveLength(1);
    expect(readdirSync(userCache).sort()).toEqual([...written, ...others.slice(0, 7), 'cli-fresh.v8.456.tmp', 'notes.txt'].sort());
  });

  it('starts when the user cache folder cannot be made', () => {
    const pkg = installedCopy();
    writeFileSync(path.join(pkg, 'dist/code-cache', readdirSync(path.join(pkg, 'dist/code-cache'))[0]), 'not a cache');
    const blocker = path.join(pkg, 'file');
    writeFileSync(blocker, '');
    const result = lint(pkg, path.join(blocker, 'cache'));
    expect([0, 1]).toContain(result.status);
    expect(JSON.parse(result.stdout)[0].filePath).toBe(SAMPLE);
  });
});

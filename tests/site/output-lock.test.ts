import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { lockOutput } from '../../src/site/output-lock.js';
import { tempFolder } from '../support/temp-folders.js';

let parent: string;
let outDir: string;
let lockFile: string;
const display = (p: string) => path.relative(parent, p);

beforeEach(() => {
  parent = tempFolder('healthmd-lock-');
  outDir = path.join(parent, 'public');
  lockFile = path.join(parent, '.public.healthmd-lock');
});

describe('lockOutput', () => {
  it('takes the lock beside the output and gives it back', () => {
    const lock = lockOutput(outDir, display);
    expect(readFileSync(lockFile, 'utf8')).toMatch(new RegExp(`^${process.pid} \\d+\\n$`));
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('refuses a second run in the same process while the first holds it', () => {
    const lock = lockOutput(outDir, display);
    expect(() => lockOutput(outDir, display)).toThrow(`public is being written by another healthmd run (process ${process.pid})`);
    lock.release();
  });

  it("takes over a lock with this process's id left by an earlier process (ids repeat in fresh containers)", () => {
    writeFileSync(lockFile, `${process.pid} 1000\n`);
    lockOutput(outDir, display).release();
    writeFileSync(lockFile, `${process.pid}\n`);
    lockOutput(outDir, display).release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over a lock whose process is gone', () => {
    writeFileSync(lockFile, '999999 1000\n');
    lockOutput(outDir, display).release();
    expect(existsSync(lockFile)).toBe(false);
  });
});

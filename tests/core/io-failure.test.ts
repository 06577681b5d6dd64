import { describe, expect, it } from 'vitest';
import { ioFailure } from '../../src/core/io-failure.js';

const failure = (code: string, message = `${code}: something, open '/x'`) => Object.assign(new Error(message), { code });

describe('ioFailure', () => {
  it('says what a common error means and what to do, offering another place where the place is at fault', () => {
    expect(ioFailure(failure('EACCES'))).toBe('permission denied (EACCES); check the permissions of this path and of the folders above it');
    expect(ioFailure(failure('ENOSPC'), { elsewhere: '--out' })).toBe('no space left on the device (ENOSPC); free some space, or choose another --out');
    expect(ioFailure(failure('ENOENT'), { elsewhere: '--out' })).toBe('no such file or folder (ENOENT)');
  });

  it("keeps an unfamiliar error's own words, which hold its code", () => {
    expect(ioFailure(failure('EIO', "EIO: i/o error, read '/x/a.md'"))).toBe("EIO: i/o error, read '/x/a.md'");
    expect(ioFailure('plain text')).toBe('plain text');
  });
});

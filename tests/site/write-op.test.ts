import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listTree, treeEntries } from '../../src/site/write-op.js';
import { tempFolder } from '../support/temp-folders.js';

describe('listTree', () => {
  it('lists every entry of a tree, each folder before what it holds, without following links', () => {
    const root = tempFolder('healthmd-list-');
    mkdirSync(path.join(root, 'a/b'), { recursive: true });
    writeFileSync(path.join(root, 'a/b/page.html'), 'page');
    writeFileSync(path.join(root, 'a/name with\nnewline'), 'odd');
    writeFileSync(path.join(root, 'index.html'), 'home');
    symlinkSync(os.tmpdir(), path.join(root, 'link'));
    const entries = [...treeEntries(listTree(root))];
    expect(new Map(entries.map((entry) => [entry.name, entry.kind]))).toEqual(
      new Map([
        ['a', 'd'],
        ['a/b', 'd'],
        ['a/b/page.html', 'f'],
        ['a/name with\nnewline', 'f'],
        ['index.html', 'f'],
        ['link', 'l'],
      ]),
    );
    const at = (name: string) => entries.findIndex((entry) => entry.name === name);
    expect(at('a')).toBeLessThan(at('a/b'));
    expect(at('a/b')).toBeLessThan(at('a/b/page.html'));
  });

  it('has no entries for an empty folder', () => {
    expect([...treeEntries(listTree(tempFolder('healthmd-list-')))]).toEqual([]);
  });

  it('lists any tree of files and folders exactly (property)', () => {
    const segment = fc.stringMatching(/^[a-z0-9 ._-]{1,8}$/).filter((name) => name !== '.' && name !== '..');
    fc.assert(
      fc.property(fc.uniqueArray(fc.array(segment, { minLength: 1, maxLength: 3 }), { maxLength: 12, selector: (parts) => parts.join('/') }), (paths) => {
        const root = tempFolder('healthmd-list-');
        const expected = new Map<string, string>();
        for (const parts of paths) {
          const file = parts.join('/');
          const folders = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
          // A path cannot be both a file and a folder: skip one that would need that.
          if (expected.has(file) || folders.some((folder) => expected.get(folder) === 'f')) continue;
          for (const folder of folders) expected.set(folder, 'd');
          mkdirSync(path.join(root, ...parts.slice(0, -1)), { recursive: true });
          writeFileSync(path.join(root, file), file);
          expected.set(file, 'f');
        }
        expect(new Map([...treeEntries(listTree(root))].map((entry) => [entry.name, entry.kind]))).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});

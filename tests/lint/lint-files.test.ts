import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { frontMatterOnly } from '../../src/lint/lint-files.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(): { root: string; file: { path: string; relPath: string } } {
  const root = mkdtempSync(path.join(tmpdir(), 'healthmd-lint-files-'));
  roots.push(root);
  const file = { path: path.join(root, 'guide.md'), relPath: 'guide.md' };
  writeFileSync(file.path, '---\ntitle: First\n---\nBody.\n');
  return { root, file };
}

describe('frontMatterOnly', () => {
  it('reads a discovered file once: publication and the project list share the parse', () => {
    const { root, file } = project();
    const config = defaultConfig(root);
    const first = frontMatterOnly(file, config);
    writeFileSync(file.path, '---\ntitle: Second\n---\nBody.\n');
    expect(frontMatterOnly(file, config)).toBe(first);
    expect(first.data.title).toBe('First');
  });

  it('reads the file again for another discovery or another config', () => {
    const { root, file } = project();
    const config = defaultConfig(root);
    frontMatterOnly(file, config);
    writeFileSync(file.path, '---\ntitle: Second\n---\nBody.\n');
    expect(frontMatterOnly({ ...file }, config).data.title).toBe('Second');
    expect(frontMatterOnly(file, defaultConfig(root)).data.title).toBe('Second');
  });
});

import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { FirstReads, frontMatterOnly, lintFilesInProject } from '../../src/lint/lint-files.js';
import { tempFolder } from '../support/temp-folders.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(): { root: string; file: { path: string; relPath: string } } {
  const root = tempFolder('healthmd-lint-files-');
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

describe('FirstReads', () => {
  it('keeps at the first read the bytes of only the files lint will lint, and lints each as first read', () => {
    const { root, file } = project();
    const other = { path: path.join(root, 'other.md'), relPath: 'other.md' };
    writeFileSync(other.path, '---\ntitle: Other\n---\nBody.\n');
    const config = defaultConfig(root);
    const firstReads = new FirstReads(config, root);
    firstReads.parseWhole([file]);
    const read = frontMatterOnly(file, config, firstReads);
    expect(read.data.title).toBe('First');
    expect(read.body).toBe('');
    frontMatterOnly(other, config, firstReads);
    expect(firstReads.take(other)).toBeUndefined();
    // The file changes after its first read: lint checks the bytes that decided its publication, read once.
    writeFileSync(file.path, '---\ntitle: Second\n---\nThis is a miracle cure.\n');
    const [result] = lintFilesInProject([file], [file, other], { config, cwd: root, now: '2024-06-01', firstReads });
    expect(result.messages.map((m) => m.ruleId)).not.toContain('no-absolute-claims');
    expect(firstReads.take(file)).toBeUndefined();
    const [again] = lintFilesInProject([file], [file, other], { config, cwd: root, now: '2024-06-01' });
    expect(again.messages.map((m) => m.ruleId)).toContain('no-absolute-claims');
  });
});

describe('lintFilesInProject', () => {
  it('lints a project a few files at a time, with links to an article linted in another chunk checked against its headings', () => {
    const { root } = project();
    const config = defaultConfig(root);
    const hub = { path: path.join(root, 'hub.md'), relPath: 'hub.md' };
    writeFileSync(hub.path, '---\ntitle: Hub\n---\n## Dose\n\nText.\n');
    const files = [hub];
    for (let i = 0; i < 150; i++) {
      const file = { path: path.join(root, `a-${String(i).padStart(3, '0')}.md`), relPath: `a-${String(i).padStart(3, '0')}.md` };
      writeFileSync(file.path, `---\ntitle: A ${i}\n---\nSee [the dose](hub.md#${i === 149 ? 'nope' : 'dose'}).\n`);
      files.push(file);
    }
    const results = lintFilesInProject(files, files, { config, cwd: root, now: '2024-06-01' });
    expect(results.map((r) => r.filePath)).toEqual(files.map((f) => f.path));
    const anchors = (i: number) => results[i].messages.filter((m) => m.ruleId === 'internal-links').map((m) => m.message);
    expect(anchors(1)).toEqual([]);
    expect(anchors(150)).toEqual([expect.stringContaining('#nope')]);
    // Each file's findings are what linting it alone in the same project finds.
    for (const i of [0, 1, 70, 150]) expect(lintFilesInProject([files[i]], files, { config, cwd: root, now: '2024-06-01' })[0]).toEqual(results[i]);
  });
});

import { mkdirSync, renameSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LintCache } from '../../src/cache/lint-cache.js';
import { defaultConfig } from '../../src/core/config.js';
import { discoverArticles, type Discovery } from '../../src/core/discover.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import type { LintResult } from '../../src/lint/engine.js';
import { cleanArticle, tempProject } from '../e2e/helpers.js';

const NOW = '2024-06-01';

function open(root: string): LintCache {
  return LintCache.open({ config: defaultConfig(root), now: NOW, warn: (message) => expect.fail(message) });
}

function fresh(filePath: string, messages: Diagnostic[] = []): LintResult {
  const errors = messages.filter((m) => m.severity === 'error').length;
  return {
    filePath,
    messages,
    errorCount: errors,
    warningCount: messages.length - errors,
    fatalErrorCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    dependencies: { projectWide: true, articles: [], exists: [], projectFiles: [] },
  };
}

describe('LintCache', () => {
  it('hands out clean results that are each their own, in the run that kept them and in the next', () => {
    const root = tempProject({
      'articles/a.md': cleanArticle('Back Pain'),
      'articles/b.md': cleanArticle('Knee Pain'),
      'articles/c.md': cleanArticle('Neck Pain'),
    });
    const { files } = discoverArticles(defaultConfig(root), root);
    const finding: Diagnostic = { ruleId: 'alt-text', messageId: 'missing', severity: 'warning', message: 'An image has no alt text', line: 3, column: 1 };
    const cache = open(root);
    const signature = cache.projectSignature(files);
    const [a, b, c] = files;
    cache.remember(fresh(a.path), signature);
    cache.remember(fresh(b.path), signature);
    cache.remember(fresh(c.path, [finding]), signature);
    cache.save(files);

    for (const reader of [cache, open(root)]) {
      const readerSignature = reader.projectSignature(files);
      const first = reader.result(a, readerSignature)!;
      const second = reader.result(b, readerSignature)!;
      expect(first).toMatchObject({ filePath: a.path, messages: [], errorCount: 0, warningCount: 0 });
      expect(second).toMatchObject({ filePath: b.path, messages: [] });
      // A caller that adds to one file's messages changes no other file's, now or when asked again.
      first.messages.push(finding);
      expect(second.messages).toEqual([]);
      expect(reader.result(a, readerSignature)!.messages).toEqual([]);
      expect(reader.result(c, readerSignature)).toMatchObject({ messages: [finding], warningCount: 1 });
    }
  });
});

describe('LintCache.projectFiles', () => {
  /**
   * Waits until every change made so far is older than the 3 s a walk asks of its folders. A
   * folder's change time cannot be set back, and a clock of the tests' own would count as settled
   * a change made in the same tick of the file system's clock as the one before it.
   */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 3_100));
  /** A walk of the articles folder that counts how often it ran. */
  const walker = (root: string) => {
    const walk = Object.assign(() => (walk.runs++, discoverArticles(defaultConfig(root), root)), { runs: 0 });
    return walk;
  };
  const relPaths = (discovery: Discovery) => discovery.files.map((file) => file.relPath);
  /** A run that asks for the project's files and saves the cache, as a lint does. */
  const run = (root: string) => {
    const cache = open(root);
    const walk = walker(root);
    const found = cache.projectFiles(walk);
    cache.save();
    return { walked: walk.runs > 0, files: relPaths(found), found };
  };

  it('answers from the last walk while no folder changed, and walks again after a file is added, removed or renamed', async () => {
    const root = tempProject({ 'articles/a.md': cleanArticle('Back Pain'), 'articles/knee/b.md': cleanArticle('Knee Pain') });
    await settle();
    expect(run(root)).toMatchObject({ walked: true, files: ['a.md', 'knee/b.md'] });
    const kept = run(root);
    expect(kept).toMatchObject({ walked: false, files: ['a.md', 'knee/b.md'] });
    // The same files as a walk names them, paths and all.
    expect(kept.found.files).toEqual(discoverArticles(defaultConfig(root), root).files);

    const changes: Array<[() => void, string[]]> = [
      [() => writeFileSync(path.join(root, 'articles/knee/c.md'), cleanArticle('Knee Strain')), ['a.md', 'knee/b.md', 'knee/c.md']],
      [() => rmSync(path.join(root, 'articles/a.md')), ['knee/b.md', 'knee/c.md']],
      [() => renameSync(path.join(root, 'articles/knee/c.md'), path.join(root, 'articles/knee/d.md')), ['knee/b.md', 'knee/d.md']],
      [() => (mkdirSync(path.join(root, 'articles/neck')), writeFileSync(path.join(root, 'articles/neck/e.md'), cleanArticle('Neck Pain'))), ['knee/b.md', 'knee/d.md', 'neck/e.md']],
    ];
    for (const [change, files] of changes) {
      // Each change is made while a walk is kept, and seen.
      change();
      expect(run(root)).toMatchObject({ walked: true, files });
      await settle();
      run(root);
      expect(run(root)).toMatchObject({ walked: false, files });
    }
  }, 30_000);

  it('keeps no walk of a folder changed moments before it, nor one that met a symbolic link', async () => {
    const root = tempProject({ 'articles/a.md': cleanArticle('Back Pain'), 'notes/b.md': cleanArticle('Knee Pain') });
    // Changed just now: a change in the same tick of the clock would leave its times as they are.
    expect(run(root).walked).toBe(true);
    expect(run(root).walked).toBe(true);
    await settle();
    expect(run(root).walked).toBe(true);
    expect(run(root).walked).toBe(false);
    // What a link leads to can change while no folder does.
    symlinkSync(path.join(root, 'notes/b.md'), path.join(root, 'articles/b.md'));
    await settle();
    expect(run(root)).toMatchObject({ walked: true, files: ['a.md', 'b.md'] });
    expect(run(root)).toMatchObject({ walked: true, files: ['a.md', 'b.md'] });
  }, 20_000);

  it('keeps no walk of a folder whose modification time was set back after an entry was added (rsync -a, tar, cp -a)', () => {
    const root = tempProject({ 'articles/a.md': cleanArticle('Back Pain') });
    const then = new Date(Date.now() - 365 * 24 * 3600 * 1000);
    utimesSync(path.join(root, 'articles'), then, then);
    const cache = open(root);
    const found = cache.projectFiles(() => {
      const discovery = discoverArticles(defaultConfig(root), root);
      // Right after the walk read the folder: an entry added, the folder's times set back.
      writeFileSync(path.join(root, 'articles/b.md'), cleanArticle('Knee Pain'));
      utimesSync(path.join(root, 'articles'), then, then);
      return discovery;
    });
    cache.save();
    expect(relPaths(found)).toEqual(['a.md']);
    // Its change time tells: the walk was not kept, and the next run finds the file.
    expect(run(root)).toMatchObject({ walked: true, files: ['a.md', 'b.md'] });
  });

  it('walks again when the articles folder is gone, and says what the walk says', async () => {
    const root = tempProject({ 'articles/a.md': cleanArticle('Back Pain') });
    await settle();
    run(root);
    expect(run(root).walked).toBe(false);
    rmSync(path.join(root, 'articles'), { recursive: true });
    expect(() => run(root)).toThrow(/articles folder not found/);
  }, 20_000);
});

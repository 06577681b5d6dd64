import { describe, expect, it } from 'vitest';
import { LintCache } from '../../src/cache/lint-cache.js';
import { defaultConfig } from '../../src/core/config.js';
import { discoverArticles } from '../../src/core/discover.js';
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

import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { tempFolder } from '../support/temp-folders.js';

const parsed: string[] = [];
vi.mock('../../src/core/article.js', async (original) => {
  const actual = await original<typeof import('../../src/core/article.js')>();
  return {
    ...actual,
    parseArticle: (input: Parameters<typeof actual.parseArticle>[0]) => {
      parsed.push(input.path);
      return actual.parseArticle(input);
    },
  };
});

const { buildSite } = await import('../../src/site/build-site.js');
const { removeNow } = await import('../../src/site/remove-later.js');

describe('buildSite', () => {
  it('parses each article once, a draft that a published article links to included', () => {
    const root = realpathSync(tempFolder('healthmd-once-'));
    try {
      mkdirSync(path.join(root, 'articles'));
      const front = (title: string, extra = '') => `---\ntitle: ${title}\ndescription: A short description of ${title} for search results.\ndate: 2025-01-01\n${extra}---\n`;
      writeFileSync(path.join(root, 'articles/live.md'), `${front('Live')}\nSee [the draft](draft.md).\n`);
      writeFileSync(path.join(root, 'articles/draft.md'), `${front('Draft', 'draft: true\n')}\nNot yet.\n`);
      parsed.length = 0;
      // Lint runs (internal-links asks after the draft); whether the build then goes ahead does not matter here.
      buildSite({ config: defaultConfig(root), cwd: root, now: '2026-01-01', removeLater: removeNow });
      const count = (name: string) => parsed.filter((file) => file === path.join(root, 'articles', name)).length;
      expect(count('live.md')).toBe(1);
      expect(count('draft.md')).toBe(1);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reports the findings of a large site in the order of its files, though it lints them in the order of their pages', () => {
    const root = realpathSync(tempFolder('healthmd-order-'));
    try {
      writeDatedArticles(root, 520);
      // Without disclaimer or sources every article has errors, and the build stops.
      const result = buildSite({ config: defaultConfig(root), cwd: root, now: '2026-01-01', removeLater: removeNow, keepWhole: false });
      expect(result.status).toBe('blocked');
      const files = result.lint.results.map((r) => path.basename(r.filePath));
      expect(files).toHaveLength(520);
      expect(files).toEqual([...files].sort());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('past the memory budget, reads each article of a large site again once, for its lint and its page together', () => {
    const root = realpathSync(tempFolder('healthmd-twice-'));
    try {
      const count = 520;
      writeDatedArticles(root, count);
      parsed.length = 0;
      // --skip-lint still lints each file with the fatal rules, and the pages are made.
      buildSite({ config: defaultConfig(root), cwd: root, now: '2026-01-01', removeLater: removeNow, keepWhole: false, skipLint: true });
      const reads = new Map<string, number>();
      for (const file of parsed) reads.set(file, (reads.get(file) ?? 0) + 1);
      expect(reads.size).toBe(count);
      expect(Math.max(...reads.values())).toBe(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/**
 * Articles enough for build to lint them while it writes their pages, dated so that the order of
 * the pages (newest first) is not the order of the files.
 */
function writeDatedArticles(root: string, count: number): void {
  mkdirSync(path.join(root, 'articles'));
  for (let i = 0; i < count; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    writeFileSync(path.join(root, `articles/a-${String(i).padStart(3, '0')}.md`), `---\ntitle: Article ${i}\ndescription: A short description of article ${i} for search results.\ndate: 2025-01-${day}\n---\n\nSome words.\n`);
  }
}

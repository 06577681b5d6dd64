import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';

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
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'healthmd-once-')));
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
});

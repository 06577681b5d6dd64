import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle, type Article } from '../../src/core/article.js';
import { defaultConfig } from '../../src/core/config.js';
import { lintArticles } from '../../src/lint/engine.js';
import { lintScope } from '../../src/serve/lint-scope.js';

const ROOT = '/project/articles';

function article(relPath: string, front: string, body = 'Text.\n'): Article {
  return parseArticle({ path: path.join(ROOT, relPath), relPath, content: `---\ntitle: ${relPath}\n${front}---\n${body}` });
}

function scope(published: Article[], changed: string[], previous = published) {
  return lintScope({ published, previous, changed: new Set(changed.map((c) => path.join(ROOT, c))) });
}

const names = (articles: Article[]) => articles.map((a) => a.relPath).sort();

describe('lintScope', () => {
  const a = article('a.md', '');
  const b = article('b.md', '', 'See [a](a.md#top) and [c](sub/c.md).\n');
  const c = article('sub/c.md', '', '![x-ray](../images/x-ray.png)\n');
  const d = article('sub/d.md', '');

  it('lints the changed article and the articles that link to it', () => {
    const result = scope([a, b, c, d], ['a.md']);
    expect(result.all).toBe(false);
    if (result.all) return;
    expect(names(result.needed)).toEqual(['a.md', 'b.md']);
  });

  it('lints the articles that show a changed image, or anything in a changed folder', () => {
    const image = scope([a, b, c, d], ['images/x-ray.png']);
    expect(!image.all && names(image.needed)).toEqual(['sub/c.md']);
    const folder = scope([a, b, c, d], ['images']);
    expect(!folder.all && names(folder.needed)).toEqual(['sub/c.md']);
  });

  it('lints nothing when nothing published refers to the change', () => {
    const result = scope([a, b, c, d], ['notes.txt']);
    expect(!result.all && result.needed).toEqual([]);
  });

  it('re-lints only the changed article, while internal-links still sees its neighbours for "did you mean" advice', () => {
    const broken = article('e.md', '', 'See [c](sub/cc.md).\n');
    const published = [a, b, c, d, broken];
    const result = scope(published, ['e.md']);
    expect(result.all).toBe(false);
    if (result.all) return;
    expect(names(result.needed)).toEqual(['e.md']);
    const config = defaultConfig('/project');
    const byPath = new Map(published.map((x) => [x.path, x]));
    const [linted] = lintArticles(result.needed, { config, now: '2026-01-01', project: { published, article: (file) => byPath.get(file), exists: (file) => byPath.has(file), isProjectFile: (file) => byPath.has(file) }, ruleOverrides: { 'internal-links': 'error' } });
    const missing = linted.messages.find((m) => m.ruleId === 'internal-links' && m.messageId === 'missing-file');
    expect(missing?.message).toContain('did you mean c.md?');
  });

  it('lints everything when an output URL moves, appears or goes, or two articles share one', () => {
    const moved = article('a.md', 'slug: a-new\n');
    expect(scope([moved, b, c, d], ['a.md'], [a, b, c, d]).all).toBe(true);
    expect(scope([a, b, c, d, article('f.md', '')], ['f.md'], [a, b, c, d]).all).toBe(true);
    expect(scope([a, b, c], ['sub/d.md'], [a, b, c, d]).all).toBe(true);
    const clash = article('g.md', 'slug: a\n');
    expect(scope([a, b, c, d, clash], ['b.md'], [a, b, c, d, clash]).all).toBe(true);
  });

  it('treats an article that stops parsing as a URL that went', () => {
    const broken = parseArticle({ path: path.join(ROOT, 'a.md'), relPath: 'a.md', content: '---\ntitle: [a\n---\n' });
    expect(broken.problem).toBeDefined();
    expect(scope([broken, b, c, d], ['a.md'], [a, b, c, d]).all).toBe(true);
  });
});

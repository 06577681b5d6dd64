import { describe, expect, it } from 'vitest';
import { articleOutputPath, articleUrl, fileNameDate } from '../../src/core/url.js';

describe('article URLs', () => {
  it('uses the file name without .md', () => {
    expect(articleOutputPath('back-pain.md')).toBe('back-pain');
    expect(articleUrl('back-pain.md')).toBe('articles/back-pain/');
  });

  it('mirrors sub-folders', () => {
    expect(articleOutputPath('womens-health/mammograms.md')).toBe('womens-health/mammograms');
    expect(articleUrl('a/b/c.md')).toBe('articles/a/b/c/');
  });

  it('publishes a page bundle (index.md, a section\'s _index.md) at its folder, as Hugo does', () => {
    expect(articleOutputPath('health/napping/index.md')).toBe('health/napping');
    expect(articleOutputPath('health/_index.md')).toBe('health');
    expect(articleOutputPath('health/napping/index.md', 'naps')).toBe('health/naps');
    expect(articleUrl('health/napping/index.md')).toBe('articles/health/napping/');
    expect(articleOutputPath('index.md')).toBe('index');
  });

  it('lets a valid slug replace the file name, keeping the folder', () => {
    expect(articleOutputPath('cancer/power-of-precision-medicine.md', 'precision-medicine')).toBe('cancer/precision-medicine');
    expect(articleUrl('x.md', 'my-slug-2')).toBe('articles/my-slug-2/');
  });

  it('ignores a slug that does not match the pattern (front-matter-schema reports it)', () => {
    for (const slug of ['Bad Slug', '../escape', '-leading', '', 42, null]) {
      expect(articleOutputPath('x.md', slug)).toBe('x');
    }
  });

  it('drops a Jekyll date prefix, but only a real date', () => {
    expect(articleOutputPath('2024-05-08-mammograms.md')).toBe('mammograms');
    expect(articleOutputPath('posts/2024-05-08-mammograms.md')).toBe('posts/mammograms');
    expect(articleOutputPath('2024-13-45-not-a-date.md')).toBe('2024-13-45-not-a-date');
    expect(articleOutputPath('2024-05-08-x.md', 'chosen')).toBe('chosen');
  });

  it('reads the date of a Jekyll file name', () => {
    expect(fileNameDate('posts/2024-05-08-mammograms.md')).toBe('2024-05-08');
    expect(fileNameDate('2024-02-30-x.md')).toBeUndefined();
    expect(fileNameDate('mammograms.md')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ArticleStore, wholeSiteFits } from '../../src/core/article-store.js';
import { loadConfig } from '../../src/core/config.js';
import { discoverArticles } from '../../src/core/discover.js';
import { cleanArticle, tempProject } from '../e2e/helpers.js';

/** 40 articles of about 2.4 KB each: about 100 KB of text, whose parsed articles take about 1 MB. */
function site(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 40; i++) files[`articles/a${i}.md`] = cleanArticle(`Guide ${i}`, { body: `\n${'Walking a little every day eases back pain. '.repeat(40)}\n` });
  return tempProject(files);
}

function readAll(dir: string, budget: number) {
  const config = loadConfig(dir);
  const { files } = discoverArticles(config, dir);
  const store = new ArticleStore(config, dir, wholeSiteFits(files, budget));
  const articles = files.map((file) => store.read(file));
  return { files, store, articles };
}

describe('ArticleStore', () => {
  it('keeps every article whole when the whole site fits the budget, so each is parsed once', () => {
    const { files, store, articles } = readAll(site(), 8 * 2 ** 20);
    expect(files.every((file) => store.keeps(file.path))).toBe(true);
    expect(articles.every((article) => article.tokens.length > 0)).toBe(true);
    expect(store.whole(files[39].path)).toBe(articles[39]);
  });

  it('keeps none when the site would not fit, and reads an article again whole when asked', () => {
    const { files, store, articles } = readAll(site(), 256 * 2 ** 10);
    expect(files.some((file) => store.keeps(file.path))).toBe(false);
    expect(articles[39].tokens).toHaveLength(0);
    expect(articles[39].data.title).toBe(`Guide ${/a(\d+)\.md$/.exec(files[39].relPath)![1]}`);
    const again = store.whole(files[39].path)!;
    expect(again.tokens.length).toBeGreaterThan(0);
    expect(again.source).toContain('Walking a little every day');
  });

  it('judges the whole site from its first files: the same articles fit alone and not as one of many', () => {
    const dir = site();
    const { files } = discoverArticles(loadConfig(dir), dir);
    expect(wholeSiteFits(files, 2 * 2 ** 20)).toBe(true);
    expect(wholeSiteFits([...files, ...files, ...files, ...files, ...files], 2 * 2 ** 20)).toBe(false);
    expect(wholeSiteFits(files, 0)).toBe(false);
    expect(wholeSiteFits([], 0)).toBe(false);
  });

  it('counts what each parsed article takes whatever its size: many short pages do not fit where their text would', () => {
    const small: Record<string, string> = {};
    for (let i = 0; i < 32; i++) small[`articles/p${i}.md`] = `# Command ${i}\n\n> Does one thing.\n\n- Do it:\n\n\`cmd-${i} --now\`\n${'x'.repeat(520)}\n`;
    const dir = tempProject(small);
    const { files } = discoverArticles(loadConfig(dir), dir);
    // 38,000 pages of about 600 bytes (tldr-pages has as many): 23 MB of text, some 650 MB parsed.
    const many = Array.from({ length: 38_000 }, (_, i) => files[i % files.length]);
    expect(wholeSiteFits(many, 192 * 2 ** 20)).toBe(false);
    expect(wholeSiteFits(many.slice(0, 4000), 192 * 2 ** 20)).toBe(true);
  });
});

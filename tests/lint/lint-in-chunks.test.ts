import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { discoverArticles } from '../../src/core/discover.js';
import { lintFilesInProject } from '../../src/lint/lint-files.js';
import { cleanArticle, tempProject } from '../e2e/helpers.js';

/** 2,100 articles (three chunks): links and a slug clash that cross chunks, a site-root link, and a broken anchor. */
function site(): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < 2100; i++) {
    const links = i % 500 === 0 ? `\nSee [the last guide](../t2/g2099.md#living-with-it), [its page](/articles/t2/g2099/) and [a missing section](../t1/g2050.md#nowhere).\n` : '';
    // g1 and g997 share a folder but not a chunk (files go in path order, 1,000 to a chunk).
    const slug = i === 1 || i === 997 ? 'slug: shared-page\n' : '';
    files[`articles/t${i % 3}/g${i}.md`] = cleanArticle(`Guide ${i}`, { extra: slug, body: `\n## Living with it\n\nWalking every day eases back pain.${links}\n` });
  }
  return tempProject(files);
}

describe('lintFilesInProject past the memory budget', () => {
  it('finds what the lint of every article held at once finds, across chunks', () => {
    const dir = site();
    const config = loadConfig(dir);
    const { files } = discoverArticles(config, dir);
    const options = { config, cwd: dir, now: '2024-06-01' as const };
    const whole = lintFilesInProject(files, files, options);
    const chunked = lintFilesInProject(files, files, { ...options, keepWholeHeap: 1 });
    expect(chunked).toEqual(whole);
    const found = (results: typeof whole) => results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length)} ${m.ruleId}`));
    expect(found(chunked).filter((f) => f.endsWith('unique-slug'))).toHaveLength(2);
    // Five linking articles, one broken anchor each; the link to the last article's section holds.
    expect(found(chunked).filter((f) => f.endsWith('internal-links'))).toHaveLength(5);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { KEEP_WHOLE_HEAP } from '../../src/core/article-store.js';
import { buildFitsThisThread } from '../../src/site/build-in-thread.js';

const GiB = 2 ** 30;

describe('buildFitsThisThread', () => {
  it('builds a few thousand articles kept whole without a thread where the heap has room for them many times over', () => {
    expect(buildFitsThisThread(4000, KEEP_WHOLE_HEAP, 4 * GiB)).toBe(true);
    expect(buildFitsThisThread(10_000, 0, 2 * GiB)).toBe(true);
  });

  it('starts the thread for a site that could need a large share of the heap', () => {
    expect(buildFitsThisThread(100_000, 0, 4 * GiB)).toBe(false);
    // On a small machine the same 4,000 articles kept whole take too large a share.
    expect(buildFitsThisThread(4000, KEEP_WHOLE_HEAP, GiB)).toBe(false);
  });

  it('counts the whole articles a build keeps', () => {
    const heap = 2 * GiB;
    let articles = 0;
    while (buildFitsThisThread(articles + 1000, 0, heap)) articles += 1000;
    expect(articles).toBeGreaterThan(0);
    expect(buildFitsThisThread(articles, KEEP_WHOLE_HEAP, heap)).toBe(false);
  });
});

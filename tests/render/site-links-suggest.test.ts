import { describe, expect, it, vi } from 'vitest';
import * as closest from '../../src/core/closest-match.js';
import { siteLinks } from '../../src/render/site-links.js';
import { article, config } from './support/site.js';

vi.mock('../../src/core/closest-match.js', async (original) => {
  const actual = await original<typeof closest>();
  return { ...actual, closestMatch: vi.fn(actual.closestMatch) };
});

const articles = Array.from({ length: 200 }, (_, i) => article(`topic-${i % 4}/guide-${i}.md`, { title: `Guide ${i}` }));

describe('siteLinks did-you-mean', () => {
  it('is looked for only when read, once for each link however many pages carry it', () => {
    const search = vi.mocked(closest.closestMatch);
    search.mockClear();
    const links = siteLinks(articles, config());
    // What the renderer does with every page's links: it never reads the suggestion.
    const found = Array.from({ length: 100 }, () => links.resolve('/articles/topic-1/guide-5x/'));
    expect(found.every((link) => link.kind === 'unresolved')).toBe(true);
    expect(search).not.toHaveBeenCalled();
    // What lint reports: the same broken link on many pages.
    const shown = found.map((link) => (link.kind === 'unresolved' ? link.suggestion?.sitePath : undefined));
    expect(new Set(shown)).toEqual(new Set(['articles/topic-1/guide-5/']));
    expect(search).toHaveBeenCalledTimes(1);
  });
});

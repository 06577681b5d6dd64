import { describe, expect, it } from 'vitest';
import { PageCache } from '../../src/serve/page-cache.js';

describe('PageCache', () => {
  it('keeps a page until it changes, and then renders it again at a newer version', () => {
    const cache = new PageCache();
    let renders = 0;
    const render = () => `page ${++renders}`;
    expect(cache.page('a/', render)).toBe('page 1');
    expect(cache.page('a/', render)).toBe('page 1');
    cache.changed(new Set(['b/']));
    expect(cache.page('a/', render)).toBe('page 1');
    expect(cache.versions.of('b/')).toBeGreaterThan(cache.versions.of('a/'));
    cache.changed('all');
    expect(cache.page('a/', render)).toBe('page 2');
  });

  it('keeps nothing when rendering fails', () => {
    const cache = new PageCache();
    expect(() =>
      cache.page('a/', () => {
        throw new Error('template failed');
      }),
    ).toThrow('template failed');
    expect(cache.page('a/', () => 'fixed')).toBe('fixed');
  });

  it('makes the other files once, all together, until any page changes', () => {
    const cache = new PageCache();
    let makes = 0;
    const make = (): Array<[string, string]> => (makes++, [['feed.xml', `feed ${makes}`], ['sitemap.xml', 'map']]);
    expect(cache.otherFile('feed.xml', make)).toBe('feed 1');
    expect(cache.otherFile('sitemap.xml', make)).toBe('map');
    expect(cache.otherFile('missing.xml', make)).toBeUndefined();
    cache.changed(new Set(['a/']));
    expect(cache.otherFile('feed.xml', make)).toBe('feed 2');
    expect(makes).toBe(2);
  });
});

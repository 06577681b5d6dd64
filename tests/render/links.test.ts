import { describe, expect, it } from 'vitest';
import { absoluteUrl, createLinkResolver, outputFileOf } from '../../src/render/links.js';
import { tagSlug } from '../../src/core/slug.js';

describe('link styles', () => {
  it('server links are root-relative under the base URL path', () => {
    const link = createLinkResolver('server', 'https://example.org/health/');
    expect(link('articles/a/index.html', 'articles/b/')).toBe('/health/articles/b/');
    expect(link('index.html', '')).toBe('/health/');
    expect(link('index.html', 'assets/style.css')).toBe('/health/assets/style.css');
  });

  it('server links stay right for sites with more pages than the resolver keeps hrefs for', () => {
    const link = createLinkResolver('server', 'https://example.org/health/');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 10_000; i++) expect(link('index.html', `articles/a ${i}/`)).toBe(`/health/articles/a%20${i}/`);
    }
    expect(link('index.html', '')).toBe('/health/');
  });

  it('relative links work from disk and end in index.html', () => {
    const link = createLinkResolver('relative', 'https://example.org/');
    expect(link('articles/a/index.html', 'articles/sub/b/')).toBe('../sub/b/index.html');
    expect(link('articles/sub/b/index.html', '')).toBe('../../../index.html');
    expect(link('index.html', 'assets/style.css')).toBe('assets/style.css');
    expect(link('page/2/index.html', 'page/2/')).toBe('index.html');
  });

  it('percent-encodes each segment', () => {
    const link = createLinkResolver('server', 'https://example.org/');
    expect(link('index.html', 'articles/santé et vous/')).toBe('/articles/sant%C3%A9%20et%20vous/');
    expect(absoluteUrl('https://example.org/h/', 'tags/a b/')).toBe('https://example.org/h/tags/a%20b/');
  });

  it('folder pages are written as index.html', () => {
    expect(outputFileOf('')).toBe('index.html');
    expect(outputFileOf('articles/a/')).toBe('articles/a/index.html');
    expect(outputFileOf('feed.xml')).toBe('feed.xml');
  });
});

describe('tagSlug', () => {
  it('makes URL segments of tags', () => {
    expect(tagSlug("Women's Health")).toBe('womens-health');
    expect(tagSlug('Santé mentale')).toBe('sante-mentale');
    expect(tagSlug('  back  pain! ')).toBe('back-pain');
    expect(tagSlug('心理')).toBe('心理');
    expect(tagSlug('!!!')).toBeUndefined();
  });
});

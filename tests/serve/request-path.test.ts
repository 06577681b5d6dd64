import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../src/serve/content-type.js';
import { sitePathOfRequest } from '../../src/serve/request-path.js';

describe('sitePathOfRequest', () => {
  it('maps request paths to site paths: the home page, folder pages, their index.html, files', () => {
    expect(sitePathOfRequest('/')).toBe('');
    expect(sitePathOfRequest('/index.html')).toBe('');
    expect(sitePathOfRequest('/articles/back-pain/')).toBe('articles/back-pain/');
    expect(sitePathOfRequest('/articles/back-pain/index.html')).toBe('articles/back-pain/');
    expect(sitePathOfRequest('/articles/back-pain')).toBe('articles/back-pain');
    expect(sitePathOfRequest('/assets/style.css?v=2#top')).toBe('assets/style.css');
    expect(sitePathOfRequest('/tags/back%20pain/')).toBe('tags/back pain/');
    expect(sitePathOfRequest('/articles/caf%C3%A9/')).toBe('articles/café/');
  });

  it.each([
    '/../etc/passwd',
    '/articles/../../healthmd.config.yaml',
    '/%2e%2e/healthmd.config.yaml',
    '/%2E%2E/%2e%2e/etc/passwd',
    '/articles/%2e%2e/%2e%2e/healthmd.config.yaml',
    '/assets/..%2f..%2fhealthmd.config.yaml',
    '/assets/%2e%2e%5chealthmd.config.yaml',
    '/assets/..\\..\\healthmd.config.yaml',
    '/./assets/style.css',
    '/assets//style.css',
    '/assets/%00style.css',
    '/assets/%E0%A4%A.css',
    'assets/style.css',
    'http://example.org/',
  ])('refuses %s', (url) => {
    expect(sitePathOfRequest(url)).toBeUndefined();
  });

  it('never returns a path that climbs, whatever the request', () => {
    const segment = fc.oneof(fc.constantFrom('..', '.', '%2e%2e', '%2E.', '.%2e', '%2f', '%5c', '%00', 'a', 'index.html', ''), fc.string());
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.boolean(), (segments, folder) => {
        const sitePath = sitePathOfRequest(`/${segments.join('/')}${folder ? '/' : ''}`);
        if (sitePath === undefined) return;
        const parts = sitePath.split('/');
        if (parts[parts.length - 1] === '') parts.pop();
        expect(parts.every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\\0]/.test(part))).toBe(true);
      }),
    );
  });
});

describe('contentTypeOf', () => {
  it('names pages, stylesheets, images, the feed and the sitemap; anything else is bytes', () => {
    expect(contentTypeOf('')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('articles/x/')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('assets/style.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('assets/media/articles/x.PNG')).toBe('image/png');
    expect(contentTypeOf('assets/media/a.jpeg')).toBe('image/jpeg');
    expect(contentTypeOf('assets/media/a.webp')).toBe('image/webp');
    expect(contentTypeOf('assets/font.woff2')).toBe('font/woff2');
    expect(contentTypeOf('feed.xml')).toBe('application/atom+xml; charset=utf-8');
    expect(contentTypeOf('sitemap.xml')).toBe('application/xml; charset=utf-8');
    expect(contentTypeOf('assets/README')).toBe('application/octet-stream');
  });
});

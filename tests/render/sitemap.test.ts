import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSitemaps, type SitemapUrl } from '../../src/render/sitemap.js';

const absolute = (file: string) => `https://example.org/${file}`;
const urls = (count: number): SitemapUrl[] => Array.from({ length: count }, (_, i) => ({ loc: `https://example.org/a${i}/`, lastmod: i % 2 ? '2024-05-0' + (i % 9) : undefined }));
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => match[1]);

describe('renderSitemaps', () => {
  it('writes one sitemap.xml while the URLs fit one file, and past that parts and then their index', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 8 }), (count, limit) => {
        const files = [...renderSitemaps(urls(count), absolute, limit)];
        const names = files.map(([name]) => name);
        if (count <= limit) {
          expect(names).toEqual(['sitemap.xml']);
          expect(locs(files[0][1])).toEqual(urls(count).map((url) => url.loc));
          return;
        }
        const parts = Math.ceil(count / limit);
        expect(names).toEqual([...Array.from({ length: parts }, (_, i) => `sitemap-${i + 1}.xml`), 'sitemap.xml']);
        const listed = files.slice(0, -1).map(([, xml]) => locs(xml));
        for (const part of listed) expect(part.length).toBeLessThanOrEqual(limit);
        expect(listed.flat()).toEqual(urls(count).map((url) => url.loc));
        const index = files.at(-1)![1];
        expect(index).toContain('<sitemapindex');
        expect(locs(index)).toEqual(names.slice(0, -1).map(absolute));
      }),
    );
  });

  it('reads the URLs as it makes each file, not all of them first', () => {
    let read = 0;
    function* counted() {
      for (const url of urls(7)) {
        read += 1;
        yield url;
      }
    }
    const files = renderSitemaps(counted(), absolute, 3);
    expect(files.next().value?.[0]).toBe('sitemap-1.xml');
    expect(read).toBe(4);
    expect([...files].map(([name]) => name)).toEqual(['sitemap-2.xml', 'sitemap-3.xml', 'sitemap.xml']);
    expect(read).toBe(7);
  });

  it('keeps each URL and its date, escaped', () => {
    const [[name, xml]] = [...renderSitemaps([{ loc: 'https://example.org/a&b/', lastmod: '2024-05-01' }], absolute)];
    expect(name).toBe('sitemap.xml');
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
        '  <url><loc>https://example.org/a&amp;b/</loc><lastmod>2024-05-01</lastmod></url>\n</urlset>\n',
    );
  });
});

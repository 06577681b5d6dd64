import { escapeXml } from './xml.js';

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  /** YYYY-MM-DD. */
  lastmod?: string;
}

/** The sitemap protocol's limit of URLs per file. */
export const SITEMAP_LIMIT = 50_000;

/**
 * sitemap.xml, or — past 50,000 URLs — a sitemap index at sitemap.xml over sitemap-1.xml,
 * sitemap-2.xml…, as the protocol requires: file name and XML, one file at a time and the index
 * last. `urls` is read as the files are made, so a site of 100,000 pages never holds more than
 * one file's URLs (its list and its sitemaps had taken 30 MB at once).
 */
export function* renderSitemaps(urls: Iterable<SitemapUrl>, absoluteUrl: (file: string) => string, limit = SITEMAP_LIMIT): Generator<[string, string]> {
  const parts: string[] = [];
  let lines: string[] = [];
  for (const url of urls) {
    // One more URL than a file holds: the site needs an index, and the full file is its first part.
    if (lines.length === limit) {
      const name = `sitemap-${parts.length + 1}.xml`;
      yield [name, urlset(lines)];
      parts.push(name);
      lines = [];
    }
    const lastmod = url.lastmod ? `<lastmod>${escapeXml(url.lastmod)}</lastmod>` : '';
    lines.push(`  <url><loc>${escapeXml(url.loc)}</loc>${lastmod}</url>`);
  }
  if (parts.length === 0) {
    yield ['sitemap.xml', urlset(lines)];
    return;
  }
  const name = `sitemap-${parts.length + 1}.xml`;
  yield [name, urlset(lines)];
  parts.push(name);
  const index = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map((part) => `  <sitemap><loc>${escapeXml(absoluteUrl(part))}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ];
  yield ['sitemap.xml', index.join('\n')];
}

/** A sitemap of these `<url>` lines. */
function urlset(lines: readonly string[]): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...lines, '</urlset>', ''].join('\n');
}

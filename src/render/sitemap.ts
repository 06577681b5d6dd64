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
 * sitemap-2.xml…, as the protocol requires. Returns file name → XML.
 */
export function renderSitemaps(urls: readonly SitemapUrl[], absoluteUrl: (file: string) => string, limit = SITEMAP_LIMIT): Map<string, string> {
  const files = new Map<string, string>();
  if (urls.length <= limit) {
    files.set('sitemap.xml', urlset(urls));
    return files;
  }
  const parts: string[] = [];
  for (let i = 0; i < urls.length; i += limit) {
    const name = `sitemap-${parts.length + 1}.xml`;
    files.set(name, urlset(urls.slice(i, i + limit)));
    parts.push(name);
  }
  const index = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...parts.map((name) => `  <sitemap><loc>${escapeXml(absoluteUrl(name))}</loc></sitemap>`),
    '</sitemapindex>',
    '',
  ];
  files.set('sitemap.xml', index.join('\n'));
  return files;
}

function urlset(urls: readonly SitemapUrl[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  for (const url of urls) {
    const lastmod = url.lastmod ? `<lastmod>${escapeXml(url.lastmod)}</lastmod>` : '';
    lines.push(`  <url><loc>${escapeXml(url.loc)}</loc>${lastmod}</url>`);
  }
  lines.push('</urlset>', '');
  return lines.join('\n');
}

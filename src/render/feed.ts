import type { SiteEntry } from './site-model.js';
import { escapeXml } from './xml.js';

export interface FeedInput {
  title: string;
  description: string;
  language: string;
  /** Absolute URLs. */
  homeUrl: string;
  feedUrl: string;
  generatorVersion: string;
  entries: readonly SiteEntry[];
  /** The absolute URL of an entry's page. */
  urlOf(entry: SiteEntry): string;
}

/** How many of the newest articles the feed carries, as Jekyll's and Hugo's feeds do by default. */
export const FEED_SIZE = 20;

/**
 * An Atom 1.0 feed of the newest articles. Times are the calendar dates at midnight UTC, so the
 * feed is the same whoever builds it, wherever they are.
 */
export function renderAtomFeed(input: FeedInput): string {
  const dated = input.entries.filter((entry) => entry.date).slice(0, FEED_SIZE);
  const stamp = (date: string) => `${date}T00:00:00Z`;
  const modified = (entry: SiteEntry) => [entry.date!, entry.updated ?? ''].sort().at(-1)!;
  const newest = dated.map(modified).sort().at(-1) ?? '1970-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(input.language)}">`,
    `  <title>${escapeXml(input.title)}</title>`,
  ];
  if (input.description) lines.push(`  <subtitle>${escapeXml(input.description)}</subtitle>`);
  lines.push(
    `  <link href="${escapeXml(input.feedUrl)}" rel="self" type="application/atom+xml"/>`,
    `  <link href="${escapeXml(input.homeUrl)}" rel="alternate" type="text/html"/>`,
    `  <id>${escapeXml(input.homeUrl)}</id>`,
    `  <updated>${stamp(newest)}</updated>`,
    // Atom needs an author for every entry; the site stands in for entries without one.
    `  <author><name>${escapeXml(input.title)}</name></author>`,
    `  <generator version="${escapeXml(input.generatorVersion)}">healthmd</generator>`,
  );
  for (const entry of dated) {
    const url = input.urlOf(entry);
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <link href="${escapeXml(url)}" rel="alternate" type="text/html"/>`,
      `    <id>${escapeXml(url)}</id>`,
      `    <published>${stamp(entry.date!)}</published>`,
      `    <updated>${stamp(modified(entry))}</updated>`,
      ...entry.authors.map((name) => `    <author><name>${escapeXml(name)}</name></author>`),
      ...entry.tags.map((tag) => `    <category term="${escapeXml(tag.slug)}" label="${escapeXml(tag.name)}"/>`),
    );
    if (entry.description || entry.excerpt) lines.push(`    <summary>${escapeXml(entry.description || entry.excerpt)}</summary>`);
    lines.push('  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

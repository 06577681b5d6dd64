import type { CalendarDate } from '../core/dates.js';
import { excerptOf, type SiteEntry } from './site-model.js';
import { escapeXml } from './xml.js';

export interface FeedInput {
  title: string;
  description: string;
  language: string;
  /** Absolute URLs. */
  homeUrl: string;
  feedUrl: string;
  generatorVersion: string;
  /** Newest first, undated last (the site's order). */
  entries: readonly SiteEntry[];
  /** The build's day (HEALTHMD_NOW pins it): the time of what has no date of its own. */
  now: CalendarDate;
  /** The absolute URL of an entry's page. */
  urlOf(entry: SiteEntry): string;
}

/** How many of the newest articles the feed carries, as Jekyll's and Hugo's feeds do by default. */
export const FEED_SIZE = 20;

/**
 * An Atom 1.0 feed of the newest articles, in the site's order (undated ones last). Times are the
 * calendar dates at midnight UTC, so the feed is the same whoever builds it, wherever they are.
 *
 * Atom requires an `updated` time on every entry. An undated article without an `updated` key has
 * no time of its own: it gets the build's day, the one time at which it is known to read as it
 * does, and no `published` (which Atom leaves optional) rather than an invented one. The feed's
 * `updated` is its newest entry's, or the build's day for an empty feed.
 */
export function renderAtomFeed(input: FeedInput): string {
  const entries = input.entries.slice(0, FEED_SIZE);
  const stamp = (date: string) => `${date}T00:00:00Z`;
  const modified = (entry: SiteEntry) => [entry.date, entry.updated].filter((d) => d !== undefined).sort().at(-1) ?? input.now;
  const newest = entries.map(modified).sort().at(-1) ?? input.now;
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
  for (const entry of entries) {
    const url = input.urlOf(entry);
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(entry.title)}</title>`,
      `    <link href="${escapeXml(url)}" rel="alternate" type="text/html"/>`,
      `    <id>${escapeXml(url)}</id>`,
      ...(entry.date ? [`    <published>${stamp(entry.date)}</published>`] : []),
      `    <updated>${stamp(modified(entry))}</updated>`,
      ...entry.authors.map((name) => `    <author><name>${escapeXml(name)}</name></author>`),
      ...entry.tags.map((tag) => `    <category term="${escapeXml(tag.slug)}" label="${escapeXml(tag.name)}"/>`),
    );
    const summary = entry.description || excerptOf(entry);
    if (summary) lines.push(`    <summary>${escapeXml(summary)}</summary>`);
    lines.push('  </entry>');
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

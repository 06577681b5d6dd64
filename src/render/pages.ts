import { outputFileOf, type SitePath } from './links.js';
import type { SiteEntry, SiteModel, TagGroup } from './site-model.js';

/** One HTML page of the site: what it shows and the file it is written to. */
export type PageRef =
  | { kind: 'index'; file: string; sitePath: SitePath; number: number; entries: SiteEntry[] }
  | { kind: 'article'; file: string; sitePath: SitePath; entry: SiteEntry }
  | { kind: 'tag'; file: string; sitePath: SitePath; tag: TagGroup };

/** The site path of index page `number` (1 is the home page). */
export function indexPath(number: number): SitePath {
  return number === 1 ? '' : `page/${number}/`;
}

/** Every page, in the order they are written: the index pages, the articles, the tag pages. */
export function listPages(model: SiteModel): PageRef[] {
  const pages: PageRef[] = [];
  model.indexPages.forEach((entries, i) => {
    const sitePath = indexPath(i + 1);
    pages.push({ kind: 'index', file: outputFileOf(sitePath), sitePath, number: i + 1, entries });
  });
  for (const entry of model.entries) pages.push({ kind: 'article', file: outputFileOf(entry.sitePath), sitePath: entry.sitePath, entry });
  for (const tag of model.tags) pages.push({ kind: 'tag', file: outputFileOf(tag.sitePath), sitePath: tag.sitePath, tag });
  return pages;
}

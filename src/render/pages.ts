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
  return [...eachPage(model)];
}

/** The pages one at a time, as listPages orders them: a large build does not hold one for each article. */
export function* eachPage(model: SiteModel): Generator<PageRef> {
  for (const [i, entries] of model.indexPages.entries()) {
    const sitePath = indexPath(i + 1);
    yield { kind: 'index', file: outputFileOf(sitePath), sitePath, number: i + 1, entries };
  }
  for (const entry of model.entries) yield { kind: 'article', file: outputFileOf(entry.sitePath), sitePath: entry.sitePath, entry };
  for (const tag of model.tags) yield { kind: 'tag', file: outputFileOf(tag.sitePath), sitePath: tag.sitePath, tag };
}

export function pageCount(model: SiteModel): number {
  return model.indexPages.length + model.entries.length + model.tags.length;
}

import GithubSlugger, { slug } from 'github-slugger';
import type { Heading } from './markdown.js';

/** The id a heading gets when its text has nothing to slug (an empty heading or only punctuation). */
const FALLBACK_ID = 'section';

const cache = new WeakMap<readonly Heading[], string[]>();

/**
 * The `id` of each heading, in the order of `article.headings`. A heading that sets its own id
 * (`## Dosage {#dose}`) gets it as written: links were written to it. The others get GitHub-style
 * slugs (lower case, punctuation dropped, spaces as hyphens) with `-1`, `-2`… added to repeats in
 * document order, and never a slug another heading set as its id, wherever that heading stands
 * (the written id is the one links mean). A second heading that sets an id already set above it
 * gets it with `-1`, `-2`… too, because an id names one element of the page.
 * The renderer gives headings these ids and internal-links checks `#anchors` against them, so a
 * link that lints clean works on the built page. A heading with nothing to slug gets `section`,
 * because an empty id is not valid HTML.
 */
export function headingIds(article: { headings: readonly Heading[] }): string[] {
  const cached = cache.get(article.headings);
  if (cached) return cached;
  const slugger = new GithubSlugger();
  const written = new Set<string>();
  for (const heading of article.headings) if (heading.id !== undefined) written.add(heading.id);
  const used = new Set<string>();
  const ids = article.headings.map((heading) => {
    let id: string;
    if (heading.id !== undefined) {
      id = heading.id;
      for (let n = 1; used.has(id); n++) id = `${heading.id}-${n}`;
    } else {
      const text = /[^-]/.test(slug(heading.text)) ? heading.text : FALLBACK_ID;
      do id = slugger.slug(text);
      while (written.has(id) || used.has(id));
    }
    used.add(id);
    return id;
  });
  cache.set(article.headings, ids);
  return ids;
}

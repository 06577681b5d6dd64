import GithubSlugger, { slug } from 'github-slugger';
import type { Heading } from './markdown.js';

/** The id a heading gets when its text has nothing to slug (an empty heading or only punctuation). */
const FALLBACK_ID = 'section';

const cache = new WeakMap<readonly Heading[], string[]>();

/**
 * The `id` of each heading, in the order of `article.headings`: GitHub-style slugs (lower case,
 * punctuation dropped, spaces as hyphens) with `-1`, `-2`… added to repeats in document order.
 * The renderer gives headings these ids and internal-links checks `#anchors` against them, so a
 * link that lints clean works on the built page. A heading with nothing to slug gets `section`,
 * because an empty id is not valid HTML.
 */
export function headingIds(article: { headings: readonly Heading[] }): string[] {
  const cached = cache.get(article.headings);
  if (cached) return cached;
  const slugger = new GithubSlugger();
  const ids = article.headings.map((heading) => slugger.slug(/[^-]/.test(slug(heading.text)) ? heading.text : FALLBACK_ID));
  cache.set(article.headings, ids);
  return ids;
}

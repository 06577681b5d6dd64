import type { Article } from '../core/article.js';
import { articleTitle } from '../core/article-info.js';
import type { Heading } from '../core/markdown.js';
import { headingMatchesSection } from '../core/sections.js';

/** The headings a page shows apart from the article's body. */
export interface SectionsApart {
  /** An H1 that stands in for a missing title: shown once, as the page's title. */
  titleHeading?: Heading;
  /** The Sources section, placed after the body. */
  sources?: Heading;
  /** The Disclaimer section, shown in its own box. */
  disclaimer?: Heading;
}

/**
 * Which of an article's headings the page lifts out of the body. The article page and the index's
 * excerpt both ask here, so an excerpt never quotes a section the page shows as sources or disclaimer.
 */
export function sectionsApart(article: Article): SectionsApart {
  const titleHeading = articleTitle(article).heading;
  const headings = article.headings.filter((heading) => heading !== titleHeading);
  return { titleHeading, sources: topSection(headings, 'Sources'), disclaimer: topSection(headings, 'Disclaimer') };
}

/** The first top-level section (the shallowest heading level used) that names `section`. */
function topSection(headings: readonly Heading[], section: string): Heading | undefined {
  const top = Math.min(...headings.map((h) => h.depth));
  return headings.find((h) => h.depth === top && headingMatchesSection(h.text, section));
}

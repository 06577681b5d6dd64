import { Document } from 'yaml';
import type { NewArticle } from './new-article.js';

/**
 * The description a new article starts with: a placeholder (no-placeholder fails until it is
 * replaced) whose length already fits description-length (50–160), so that is the only finding.
 */
export const DESCRIPTION_PLACEHOLDER = '[[One or two plain sentences on what the reader will learn; search results show them]]';

/** Stands in for the author when none was given: front matter needs one, and the writer must see it. */
export const AUTHOR_PLACEHOLDER = '[[Author name]]';

/**
 * The YAML front matter of a new article, without the `---` fences. Written by the `yaml` package so
 * any title is quoted safely, and as YAML 1.1 so that Jekyll-era readers agree with healthmd: a title
 * such as `No` or `2024` is quoted instead of turning into a boolean or a number.
 */
export function articleFrontMatter(article: NewArticle): string {
  const data: Record<string, unknown> = {
    title: article.title,
    description: DESCRIPTION_PLACEHOLDER,
    date: calendarDay(article.date),
    author: article.author ?? AUTHOR_PLACEHOLDER,
    type: article.type,
  };
  if (article.condition) data.condition = article.condition;
  if (article.treatments.length) data.treatments = article.treatments;
  data.tags = article.tags;
  // Who will review it, not a review: the article has no words yet. The review is recorded once it
  // has taken place (healthmd review), so no page says "reviewed" of a text nobody reviewed.
  if (article.reviewer) data.reviewedBy = article.reviewer;
  return new Document(data, { version: '1.1' }).toString({ lineWidth: 0 }).trimEnd();
}

/** A Date at UTC midnight prints as a bare `YYYY-MM-DD` in YAML 1.1, the form every reader takes as a date. */
function calendarDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

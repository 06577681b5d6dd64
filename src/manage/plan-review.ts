import { isDeepStrictEqual } from 'node:util';
import type { Article } from '../core/article.js';
import { publishedDate } from '../core/article-info.js';
import { toCalendarDate, type CalendarDate } from '../core/dates.js';
import type { Place } from '../core/diagnostic.js';
import { splitFrontMatter } from '../core/front-matter.js';
import { editFrontMatter } from './edit-front-matter.js';

export interface ReviewRequest {
  /** Who reviewed: "Name, credentials". */
  by: string;
  /** The review date. */
  date: CalendarDate;
  /** Today: a review cannot be recorded in the future. */
  today: CalendarDate;
}

/** What recording a review would do to one article. */
export type ReviewPlan =
  | { kind: 'write'; /** The whole new file text, BOM included as on disk. */ text: string }
  | { kind: 'unchanged' }
  | { kind: 'refused'; messageId: ReviewRefusal; message: string; place?: Place };

export type ReviewRefusal = 'unparseable' | 'no-front-matter' | 'future-date' | 'before-published' | 'not-editable';

/**
 * Works out the new text of an article with `reviewedBy` and `lastReviewed` set, or why it is
 * refused. Pure: the caller reads and writes files. The edit is checked by parsing the result:
 * every other front-matter value and the body must read back unchanged.
 */
export function planReview(article: Article, request: ReviewRequest): ReviewPlan {
  if (article.problem) {
    return {
      kind: 'refused',
      messageId: 'unparseable',
      message: `cannot record a review in a file that does not parse: ${article.problem.message}`,
      place: article.problem.place,
    };
  }
  const frontMatter = article.frontMatter;
  if (!frontMatter) {
    return {
      kind: 'refused',
      messageId: 'no-front-matter',
      message: "has no front matter; add a '---' block with title, date and author first",
      place: { line: 1, column: 1 },
    };
  }
  const dateKey = frontMatter.places.date?.key;
  if (request.date > request.today) {
    return {
      kind: 'refused',
      messageId: 'future-date',
      message: `review date ${request.date} is in the future (today is ${request.today}); record a review on or after the day it happens`,
      place: dateKey,
    };
  }
  const published = publishedDate(article);
  if (published && request.date < published) {
    return {
      kind: 'refused',
      messageId: 'before-published',
      message: `review date ${request.date} is before the article's date ${published}; check --date`,
      place: dateKey,
    };
  }
  const reviewedBy = article.data.reviewedBy;
  if (typeof reviewedBy === 'string' && reviewedBy.trim() === request.by && toCalendarDate(article.data.lastReviewed) === request.date) {
    return { kind: 'unchanged' };
  }

  let source: string;
  try {
    source = editFrontMatter(article.source, frontMatter, [
      { key: 'reviewedBy', value: request.by },
      { key: 'lastReviewed', value: request.date, after: 'reviewedBy' },
    ]);
  } catch (error) {
    return notEditable(article, (error as Error).message);
  }
  const problem = checkEdit(article, source, request);
  if (problem) return notEditable(article, problem);
  return { kind: 'write', text: (article.bom ? '\ufeff' : '') + source };
}

function notEditable(article: Article, reason: string): ReviewPlan {
  return {
    kind: 'refused',
    messageId: 'not-editable',
    message: `cannot set reviewedBy and lastReviewed safely (${reason}); set them by hand`,
    place: article.frontMatter?.places.reviewedBy?.key ?? { line: 1, column: 1 },
  };
}

/** Why the edited text is not the original with only the two values changed, if it is not. */
function checkEdit(before: Article, source: string, request: ReviewRequest): string | undefined {
  // Front matter only: the body is compared as text, so the Markdown need not be parsed again.
  const after = splitFrontMatter(source);
  if (after.problem || !after.frontMatter) return after.problem?.message ?? 'the front matter would be lost';
  if (source.slice(after.bodyStart) !== before.source.slice(before.bodyStart)) return 'the body would change';
  const data = after.frontMatter.data;
  const reviewedBy = data.reviewedBy;
  // A folded or literal block keeps its own line break; the name inside it is what counts.
  if (typeof reviewedBy !== 'string' || reviewedBy.trim() !== request.by) return 'reviewedBy would not read back';
  if (toCalendarDate(data.lastReviewed) !== request.date) return 'lastReviewed would not read back';
  const rest = (values: Record<string, unknown>) => {
    const { reviewedBy: _by, lastReviewed: _on, ...others } = values;
    return others;
  };
  if (!isDeepStrictEqual(rest(data), rest(before.data))) return 'another key would change';
  return undefined;
}

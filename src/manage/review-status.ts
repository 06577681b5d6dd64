import type { Article } from '../core/article.js';
import { articleType } from '../core/article-info.js';
import type { Config } from '../core/config.js';
import { daysBetween, toCalendarDate, type CalendarDate } from '../core/dates.js';
import { reviewDue as dueAfter } from '../core/review-cycle.js';

export interface ReviewStatus {
  /** Whether the article's type needs a medical review (an unknown type is treated as medical). */
  medical: boolean;
  lastReviewed?: CalendarDate;
  /** `lastReviewed` + the review cycle (src/core/review-cycle.ts). */
  reviewDue?: CalendarDate;
  /** Days from `now` to `reviewDue`: negative when overdue. */
  dueInDays?: number;
}

/** When an article's medical review falls due, as seen on `now`. */
export function reviewStatus(article: Article, config: Config, now: CalendarDate): ReviewStatus {
  // An unknown type is front-matter-schema's finding; here it errs on the side of needing a review.
  const medical = articleType(article, config)?.medical ?? true;
  const lastReviewed = toCalendarDate(article.data.lastReviewed);
  if (!lastReviewed) return { medical };
  const reviewDue = dueAfter(lastReviewed, config);
  return { medical, lastReviewed, reviewDue, dueInDays: daysBetween(now, reviewDue) };
}

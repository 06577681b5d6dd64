import type { Config } from './config.js';
import { addMonths, type CalendarDate } from './dates.js';

/**
 * How many months a medical review holds. review-current's `maxAgeMonths` option, when set, wins
 * over `review.maxAgeMonths`: it is the more specific setting, and lint, `list --due`, the page's
 * "Next review due" and its JSON-LD all read the cycle here, so they never disagree.
 */
export function reviewCycleMonths(config: Config): number {
  const option = config.rules['review-current']?.options?.maxAgeMonths;
  return typeof option === 'number' ? option : config.review.maxAgeMonths;
}

/** The day a review recorded on `lastReviewed` falls due again. */
export function reviewDue(lastReviewed: CalendarDate, config: Config): CalendarDate {
  return addMonths(lastReviewed, reviewCycleMonths(config));
}

import { articleType, publishedDate } from '../core/article-info.js';
import * as z from 'zod/mini';
import { addMonths, daysBetween, toCalendarDate, type CalendarDate } from '../core/dates.js';
import { reviewCycleMonths, reviewDue } from '../core/review-cycle.js';
import { defineRule } from './types.js';
import { reviewCommand } from './util/review-command.js';
import { count } from '../core/count.js';

/** Medical articles record who reviewed them and when; the review is recent, and not in the future. Never invents one. */
export const reviewCurrent = defineRule({
  id: 'review-current',
  description: 'Medical articles have reviewedBy and lastReviewed, and the review is not older than review.maxAgeMonths nor in the future',
  severity: 'error',
  messages: {
    missing: 'No medical review recorded: add reviewedBy and lastReviewed ({{command}} --by "Name, credentials")',
    'missing-reviewer': 'lastReviewed is set but not who reviewed the article: add reviewedBy ({{command}} --by "Name, credentials" --date {{date}})',
    'missing-date': 'reviewedBy is set but not when the review happened: once {{reviewer}} has reviewed this text, record it ({{command}} --by {{reviewer}}; --date YYYY-MM-DD for an earlier day)',
    stale:
      'Medical review is out of date: last reviewed {{reviewed}} ({{ago}} ago), due again by {{due}} (every {{months}} months): have it reviewed and record it ({{command}} --by "Name, credentials")',
    future: 'lastReviewed ({{reviewed}}) is in the future (today is {{today}}): record the day the review actually took place',
    'before-published':
      'lastReviewed ({{reviewed}}) is before the article was published ({{published}}): the review must be of this article; have it reviewed and record it ({{command}} --by "Name, credentials")',
  },
  // Read through reviewCycleMonths (src/core/review-cycle.ts), which the site and `list` share.
  options: z.strictObject({ maxAgeMonths: z.optional(z.int().check(z.gte(1), z.lte(240))) }),
  check({ article, config, now, report }) {
    if (!articleType(article, config)?.medical) return;
    const { reviewedBy, lastReviewed } = article.data;
    const hasReviewer = isGiven(reviewedBy);
    const hasDate = isGiven(lastReviewed);
    // Only built when there is something to say: most articles pass.
    const command = () => reviewCommand(article, config);
    if (!hasReviewer && !hasDate) {
      report({ messageId: 'missing', data: { command: command() }, at: { key: 'title' } });
      return;
    }
    if (!hasReviewer) {
      report({ messageId: 'missing-reviewer', data: { command: command(), date: toCalendarDate(lastReviewed) ?? 'YYYY-MM-DD' }, at: { key: ['lastReviewed', 'title'] } });
    }
    if (!hasDate) {
      report({ messageId: 'missing-date', data: { command: command(), reviewer: JSON.stringify(String(reviewedBy)) }, at: { key: ['reviewedBy', 'title'] } });
      return;
    }
    // An unreadable date is front-matter-schema's finding; there is nothing more to say about it here.
    const reviewed = toCalendarDate(lastReviewed);
    if (!reviewed) return;
    const at = { value: 'lastReviewed', orKey: ['title'] };
    if (reviewed > now) {
      report({ messageId: 'future', data: { reviewed, today: now }, at });
      return;
    }
    const published = publishedDate(article);
    if (published && reviewed < published) {
      // A review of an earlier text is stale in any case: one finding at the date says both.
      report({ messageId: 'before-published', data: { reviewed, published, command: command() }, at });
      return;
    }
    const due = reviewDue(reviewed, config);
    if (now > due) report({ messageId: 'stale', data: { reviewed, ago: since(reviewed, now), due, months: reviewCycleMonths(config), command: command() }, at });
  },
});

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/** "1 year and 3 months", "5 months", "12 days": how long ago `from` was, seen from `to`. */
function since(from: CalendarDate, to: CalendarDate): string {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  let months = (ty - fy) * 12 + (tm - fm);
  if (addMonths(from, months) > to) months--;
  if (months < 1) return count(daysBetween(from, to), 'day');
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return count(rest, 'month');
  return rest === 0 ? count(years, 'year') : `${count(years, 'year')} and ${count(rest, 'month')}`;
}

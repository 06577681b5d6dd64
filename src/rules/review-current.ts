import path from 'node:path';
import { articleType, publishedDate } from '../core/article-info.js';
import type { Config } from '../core/config.js';
import { addMonths, daysBetween, toCalendarDate, type CalendarDate } from '../core/dates.js';
import { ConfigError } from '../core/errors.js';
import type { Rule } from './types.js';
import { keyPlace } from './util/key-place.js';
import { count } from '../core/count.js';

/** Medical articles record who reviewed them and when; the review is recent, and not in the future. Never invents one. */
export const reviewCurrent: Rule = {
  id: 'review-current',
  description: 'Medical articles have reviewedBy and lastReviewed, and the review is not older than review.maxAgeMonths nor in the future',
  severity: 'error',
  messages: {
    missing: 'no medical review is recorded (neither reviewedBy nor lastReviewed)',
    'missing-reviewer': 'lastReviewed is set but reviewedBy is not',
    'missing-date': 'reviewedBy is set but lastReviewed is not',
    stale: 'the last review is older than the review cycle (review.maxAgeMonths, or the maxAgeMonths option)',
    future: 'lastReviewed is later than today',
    'before-published': 'lastReviewed is earlier than the publication date',
  },
  check({ article, config, options, now, report }) {
    if (!articleType(article, config)?.medical) return;
    const { reviewedBy, lastReviewed } = article.data;
    const places = article.frontMatter?.places ?? {};
    const hasReviewer = isGiven(reviewedBy);
    const hasDate = isGiven(lastReviewed);
    // Only built when there is something to say: most articles pass.
    const command = () => `healthmd review ${shellQuote(path.relative(config.root, article.path) || article.relPath)}`;
    if (!hasReviewer && !hasDate) {
      report({
        messageId: 'missing',
        message: `No medical review recorded: add reviewedBy and lastReviewed (${command()} --by "Name, credentials")`,
        ...keyPlace(article, ['title']),
      });
      return;
    }
    if (!hasReviewer) {
      report({
        messageId: 'missing-reviewer',
        message: `lastReviewed is set but not who reviewed the article: add reviewedBy (${command()} --by "Name, credentials" --date ${toCalendarDate(lastReviewed) ?? 'YYYY-MM-DD'})`,
        ...(places.lastReviewed?.key ?? keyPlace(article, ['title'])),
      });
    }
    if (!hasDate) {
      report({
        messageId: 'missing-date',
        message: `reviewedBy is set but not when the review happened: add lastReviewed (${command()} --by ${JSON.stringify(String(reviewedBy))} --date YYYY-MM-DD)`,
        ...(places.reviewedBy?.key ?? keyPlace(article, ['title'])),
      });
      return;
    }
    // An unreadable date is front-matter-schema's finding; there is nothing more to say about it here.
    const reviewed = toCalendarDate(lastReviewed);
    if (!reviewed) return;
    const at = places.lastReviewed?.value ?? keyPlace(article, ['title']);
    if (reviewed > now) {
      report({
        messageId: 'future',
        message: `lastReviewed (${reviewed}) is in the future (today is ${now}): record the day the review actually took place`,
        ...at,
      });
      return;
    }
    const published = publishedDate(article);
    if (published && reviewed < published) {
      report({
        messageId: 'before-published',
        message: `lastReviewed (${reviewed}) is before the article was published (${published}): the review must be of this article; have it reviewed and record it (${command()} --by "Name, credentials")`,
        ...at,
      });
      // A review of an earlier text is stale in any case: one finding at the date says both.
      return;
    }
    const months = maxAgeMonths(options, config);
    const due = addMonths(reviewed, months);
    if (now > due) {
      report({
        messageId: 'stale',
        message: `Medical review is out of date: last reviewed ${reviewed} (${since(reviewed, now)} ago), due again by ${due} (every ${months} months): have it reviewed and record it (${command()} --by "Name, credentials")`,
        ...at,
      });
    }
  },
};

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

function maxAgeMonths(options: Record<string, unknown>, config: Config): number {
  const value = options.maxAgeMonths;
  if (value === undefined) return config.review.maxAgeMonths;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 240) {
    throw new ConfigError(`rules.review-current.options.maxAgeMonths: expected a whole number of months from 1 to 240, got ${JSON.stringify(value)}`, {
      file: config.file,
    });
  }
  return value;
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

function shellQuote(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}

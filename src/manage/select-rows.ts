import { newestFirst } from '../core/dates.js';
import { pathOrder } from '../core/discover.js';
import type { ListedArticle } from './article-rows.js';

export const SORT_KEYS = ['date', 'title', 'review'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface Selection {
  sort: SortKey;
  /** Keep only articles overdue or due within this many days (medical articles never reviewed count as overdue). */
  dueWithin?: number;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** How urgent a review is: lower is more urgent. Never reviewed comes first, nothing to review last. */
function urgency(row: ListedArticle): number {
  if (row.unparseable) return Number.POSITIVE_INFINITY;
  if (row.dueInDays !== null) return row.dueInDays;
  return row.medical ? Number.NEGATIVE_INFINITY : Number.MAX_VALUE;
}

const compare: Record<SortKey, (a: ListedArticle, b: ListedArticle) => number> = {
  date: (a, b) => newestFirst(a.date ?? undefined, b.date ?? undefined),
  title: (a, b) => (a.title === null || b.title === null ? Number(a.title === null) - Number(b.title === null) : collator.compare(a.title, b.title)),
  review: (a, b) => {
    const ua = urgency(a);
    const ub = urgency(b);
    return ua === ub ? 0 : ua < ub ? -1 : 1;
  },
};

/** Filters and orders the listing; ties fall back to the path so the order is stable. */
export function selectRows(rows: readonly ListedArticle[], selection: Selection): ListedArticle[] {
  const { dueWithin } = selection;
  const kept = dueWithin === undefined ? [...rows] : rows.filter((row) => urgency(row) <= dueWithin);
  const byKey = compare[selection.sort];
  return kept.sort((a, b) => byKey(a, b) || pathOrder(a, b));
}

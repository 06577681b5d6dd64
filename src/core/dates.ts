/**
 * Calendar dates. Front matter dates are days, not instants: `2024-05-08` is 8 May 2024 in every
 * time zone, so they are kept as `YYYY-MM-DD` strings and only ever formatted in UTC.
 */
export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/**
 * A day with a time, as YAML 1.1 timestamps are written (what Jekyll, Hugo and Eleventy read): the
 * zone may follow after blanks and have one-digit hours, `2024-05-08 10:04:14 +0100` (Jekyll's own
 * post date), `2024-05-08T09:00:00-5`. The day is the one written; the zone does not move it.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[ \t]*(?:Z|[+-]\d{1,2}(?::?\d{2})?))?$/;

/** The calendar day a front-matter value names, or undefined when it is not a valid date. */
export function toCalendarDate(value: unknown): CalendarDate | undefined {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = DATE.exec(text) ?? DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match;
  if (!isValidDay(Number(y), Number(m), Number(d))) return undefined;
  if (match.length > 4) {
    const hours = Number(match[4]);
    const minutes = Number(match[5]);
    const seconds = Number(match[6] ?? 0);
    if (hours > 23 || minutes > 59 || seconds > 60) return undefined;
  }
  // The text's own first ten characters, which are the day: when the value is a date alone, the
  // very string the front matter holds rather than a copy (a site keeps several for each article).
  return text.slice(0, 10);
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return utcDay(year, month + 1, 0).getUTCDate();
}

/**
 * Midnight UTC of a day. Not `Date.UTC(y, …)`: that reads years 0–99 as 1900–1999, so
 * `0001-01-01` (a Jekyll placeholder for ordering) would become 1901.
 */
function utcDay(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** True for a well-formed `YYYY-MM-DD` string naming a real day. */
export function isCalendarDate(value: string): boolean {
  return DATE.test(value) && toCalendarDate(value) === value;
}

/** Today as a calendar date, from `HEALTHMD_NOW` when set (reproducible CI runs). */
export function today(env: NodeJS.ProcessEnv = process.env, clock: () => Date = () => new Date()): CalendarDate {
  const pinned = env.HEALTHMD_NOW?.trim();
  if (pinned) {
    const day = toCalendarDate(pinned);
    if (!day) throw new Error(`HEALTHMD_NOW="${pinned}" is not a date; use YYYY-MM-DD`);
    return day;
  }
  const now = clock();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function parts(date: CalendarDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y, m, d];
}

/** The date `months` calendar months after `date`, clamped to the end of a shorter month. */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  const [ay, am, ad] = parts(a);
  const [by, bm, bd] = parts(b);
  return Math.round((utcDay(by, bm, bd).getTime() - utcDay(ay, am, ad).getTime()) / 86_400_000);
}

/**
 * Newest first; undated after every dated one. The one order of articles by date: index, tag
 * pages, latest posts, the feed and `healthmd list` all sort with it.
 */
export function newestFirst(a: CalendarDate | undefined, b: CalendarDate | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? 1 : -1;
}

export type DateFormat = 'full' | 'long' | 'medium' | 'short' | Intl.DateTimeFormatOptions;

interface DateFormatter {
  format: Intl.DateTimeFormat;
  /** The format shows the whole year (not a two-digit one) in Latin digits of the Gregorian calendar. */
  fullYear: boolean;
}

const formatters = new Map<string, DateFormatter>();

/**
 * "8 May 2024" for `2024-05-08` in en-GB, whatever the machine's time zone. A year written with
 * four digits keeps them ("1 January 0001"), as it was written, where the format shows the whole year.
 */
export function formatDate(date: CalendarDate, locale: string, format: DateFormat = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    typeof format === 'string' ? { dateStyle: format, timeZone: 'UTC' } : { ...format, timeZone: 'UTC' };
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const intl = new Intl.DateTimeFormat(locale, options);
    // A year with four digits of its own tells a whole-year format from a two-digit one ("24").
    const probe = intl.formatToParts(utcDay(1987, 6, 15)).find((part) => part.type === 'year');
    formatter = { format: intl, fullYear: probe?.value === '1987' };
    formatters.set(key, formatter);
  }
  const [y, m, d] = parts(date);
  const day = utcDay(y, m, d);
  if (y >= 1000 || !formatter.fullYear) return formatter.format.format(day);
  const year = String(y);
  return formatter.format
    .formatToParts(day)
    .map((part) => (part.type === 'year' && part.value === year ? year.padStart(4, '0') : part.value))
    .join('');
}

/**
 * Calendar dates. Front matter dates are days, not instants: `2024-05-08` is 8 May 2024 in every
 * time zone, so they are kept as `YYYY-MM-DD` strings and only ever formatted in UTC.
 */
export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

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
  return `${y}-${m}-${d}`;
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

export type DateFormat = 'full' | 'long' | 'medium' | 'short' | Intl.DateTimeFormatOptions;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "8 May 2024" for `2024-05-08` in en-GB, whatever the machine's time zone. */
export function formatDate(date: CalendarDate, locale: string, format: DateFormat = 'long'): string {
  const options: Intl.DateTimeFormatOptions =
    typeof format === 'string' ? { dateStyle: format, timeZone: 'UTC' } : { ...format, timeZone: 'UTC' };
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  const [y, m, d] = parts(date);
  return formatter.format(new Date(Date.UTC(y, m - 1, d)));
}

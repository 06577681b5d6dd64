import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween, formatDate, isCalendarDate, newestFirst, toCalendarDate, today } from '../../src/core/dates.js';

const DATES_MODULE = pathToFileURL(path.resolve(import.meta.dirname, '../../src/core/dates.ts')).href;

const calendarDate = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

// Date.UTC would read years 0–99 as 1900–1999: these bounds are built without it.
const yearOne = new Date(0);
yearOne.setUTCFullYear(1, 0, 1);
const yearTenThousand = new Date(0);
yearTenThousand.setUTCFullYear(9999, 11, 31);
/** Any day from 0001-01-01 to 9999-12-31. */
const anyCalendarDate = fc.date({ min: yearOne, max: yearTenThousand, noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('toCalendarDate', () => {
  it('accepts YYYY-MM-DD and keeps the day as written', () => {
    expect(toCalendarDate('2024-05-08')).toBe('2024-05-08');
    expect(toCalendarDate(' 2024-05-08 ')).toBe('2024-05-08');
    expect(toCalendarDate('2024-02-29')).toBe('2024-02-29');
  });

  it('takes the calendar day of a date-time as written, whatever its offset', () => {
    expect(toCalendarDate('2024-05-08T23:30:00-08:00')).toBe('2024-05-08');
    expect(toCalendarDate('2024-05-08T00:30:00+14:00')).toBe('2024-05-08');
    expect(toCalendarDate('2024-05-08 09:15')).toBe('2024-05-08');
    expect(toCalendarDate('2024-05-08T10:00:00.123Z')).toBe('2024-05-08');
  });

  it("reads YAML 1.1 timestamps as Jekyll writes them: Jekyll's post date, a zone after a blank, one-digit hours", () => {
    expect(toCalendarDate('2024-05-08 10:04:14 +0100')).toBe('2024-05-08');
    expect(toCalendarDate('2024-05-08 23:59:59 -0800')).toBe('2024-05-08');
    expect(toCalendarDate('2001-12-14 21:59:43.10 -5')).toBe('2001-12-14');
    expect(toCalendarDate('2024-05-08 9:04')).toBe('2024-05-08');
    expect(toCalendarDate('2024-05-08t09:04:00Z')).toBe('2024-05-08');
    for (const value of ['2024-05-08 10:04:14 +', '2024-05-08 10:04:14 0100', '2024-05-08 10:04:14 +0100 extra', '2024-02-30 10:04:14 +0100', '2024-05-08  24:00']) {
      expect(toCalendarDate(value), value).toBeUndefined();
    }
  });

  it('refuses impossible or malformed dates', () => {
    for (const value of ['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-5-8', '8 May 2024', '2024-05-08T25:00', '', 20240508, null, undefined, {}]) {
      expect(toCalendarDate(value), String(value)).toBeUndefined();
    }
    expect(toCalendarDate(new Date('nope'))).toBeUndefined();
  });

  it('knows the leap days of years below 100 (not those of 1900–1999)', () => {
    // Year 4 is a leap year and 1904 too, but year 0 is one and 1900 is not; 100 is not, 96 is.
    expect(toCalendarDate('0000-02-29')).toBe('0000-02-29');
    expect(toCalendarDate('0096-02-29')).toBe('0096-02-29');
    expect(toCalendarDate('0100-02-29')).toBeUndefined();
  });

  it('reads a Date as its UTC day (what YAML timestamps would give)', () => {
    expect(toCalendarDate(new Date(Date.UTC(2024, 4, 8)))).toBe('2024-05-08');
  });

  it('isCalendarDate accepts only real days in YYYY-MM-DD form (property)', () => {
    fc.assert(fc.property(calendarDate, (d) => isCalendarDate(d) && toCalendarDate(d) === d));
    expect(isCalendarDate('2024-05-08T00:00')).toBe(false);
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-08-31', 1)).toBe('2024-09-30');
  });

  it('crosses year boundaries both ways', () => {
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
    expect(addMonths('2024-01-15', -1)).toBe('2023-12-15');
    expect(addMonths('2026-11-27', -36)).toBe('2023-11-27');
  });

  it('always gives a real day, in the right month, never past the original day (property)', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const result = addMonths(d, n);
        expect(isCalendarDate(result)).toBe(true);
        const [y, m, day] = d.split('-').map(Number);
        const [ry, rm, rday] = result.split('-').map(Number);
        expect(ry * 12 + rm - (y * 12 + m)).toBe(n);
        expect(rday).toBeLessThanOrEqual(day);
        if (day <= 28) expect(rday).toBe(day);
      }),
    );
  });
});

describe('daysBetween', () => {
  it('counts whole days, signed', () => {
    expect(daysBetween('2024-05-08', '2024-05-09')).toBe(1);
    expect(daysBetween('2024-05-09', '2024-05-08')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    // Across a daylight-saving change in most zones: still whole days.
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
  });

  it('counts the days of years below 100 as their own, not as 1900–1999', () => {
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1);
    expect(daysBetween('0001-01-01', '2001-01-01')).toBe(730_485);
  });

  it('is antisymmetric and additive, over every four-digit year (property)', () => {
    fc.assert(
      fc.property(anyCalendarDate, anyCalendarDate, anyCalendarDate, (a, b, c) => {
        expect(daysBetween(a, b) + daysBetween(b, a)).toBe(0);
        expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c));
      }),
    );
  });
});

describe('newestFirst', () => {
  it('orders newest first, undated after every dated day, years below 100 included', () => {
    const dates = [undefined, '0001-01-01', '2024-05-08', undefined, '0099-12-31', '2023-01-01'];
    expect([...dates].sort(newestFirst)).toEqual(['2024-05-08', '2023-01-01', '0099-12-31', '0001-01-01', undefined, undefined]);
  });

  it('is a consistent order (property)', () => {
    const maybe = fc.option(anyCalendarDate, { nil: undefined });
    fc.assert(
      fc.property(maybe, maybe, (a, b) => {
        expect(Math.sign(newestFirst(a, b)) + Math.sign(newestFirst(b, a))).toBe(0);
        if (a !== undefined && b === undefined) expect(newestFirst(a, b)).toBeLessThan(0);
      }),
    );
  });
});

describe('today', () => {
  it('uses HEALTHMD_NOW when it is set', () => {
    expect(today({ HEALTHMD_NOW: '2024-05-08' })).toBe('2024-05-08');
    expect(today({ HEALTHMD_NOW: '  ' }, () => new Date(2025, 0, 2, 12))).toBe('2025-01-02');
  });

  it('refuses a HEALTHMD_NOW that is not a date', () => {
    expect(() => today({ HEALTHMD_NOW: 'tomorrow' })).toThrow(/HEALTHMD_NOW/);
  });

  it('gives the local calendar day of the clock', () => {
    expect(today({}, () => new Date(2024, 4, 8, 23, 59))).toBe('2024-05-08');
    expect(today({}, () => new Date(2024, 4, 8, 0, 1))).toBe('2024-05-08');
  });
});

describe('formatDate', () => {
  it('formats en-GB long dates', () => {
    expect(formatDate('2024-05-08', 'en-GB')).toBe('8 May 2024');
    expect(formatDate('2024-03-15', 'en-GB')).toBe('15 March 2024');
    expect(formatDate('2024-05-08', 'en-US')).toBe('May 8, 2024');
  });

  it('shows years below 1000 as written, with four digits, never as 19xx', () => {
    expect(formatDate('0001-01-01', 'en-GB')).toBe('1 January 0001');
    expect(formatDate('0050-03-04', 'en-GB')).toBe('4 March 0050');
    expect(formatDate('0099-12-31', 'en-GB')).toBe('31 December 0099');
    expect(formatDate('0100-02-28', 'en-GB')).toBe('28 February 0100');
    expect(formatDate('0999-06-15', 'en-GB')).toBe('15 June 0999');
    expect(formatDate('0001-01-01', 'en-US')).toBe('January 1, 0001');
    expect(formatDate('0050-03-04', 'es')).toBe('4 de marzo de 0050');
    expect(formatDate('0050-03-04', 'en-GB', { year: 'numeric', month: 'short' })).toBe('Mar 0050');
  });

  it('leaves a two-digit year style as the format asks', () => {
    expect(formatDate('0050-03-04', 'en-US', 'short')).toBe('3/4/50');
    expect(formatDate('0050-03-04', 'en-GB', 'short')).toBe('04/03/0050');
  });

  it('formats every day with its own year (property)', () => {
    fc.assert(
      fc.property(anyCalendarDate, (d) => {
        expect(formatDate(d, 'en-GB', { year: 'numeric' })).toBe(d.slice(0, 4));
      }),
    );
  });

  // Formatters are created once per process, so each zone needs a fresh process.
  for (const zone of ['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
    it(`gives "8 May 2024" for 2024-05-08 with TZ=${zone}`, () => {
      const code = `const { formatDate, today } = await import(${JSON.stringify(DATES_MODULE)});
        console.log(JSON.stringify([formatDate('2024-05-08', 'en-GB'), formatDate('2024-01-01', 'en-GB', 'medium'), today({}, () => new Date(2024, 4, 8, 0, 30)), new Date().getTimezoneOffset()]));`;
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
      });
      expect(child.stderr).toBe('');
      const [long, medium, local, offset] = JSON.parse(child.stdout) as [string, string, string, number];
      expect(long).toBe('8 May 2024');
      expect(medium).toBe('1 Jan 2024');
      expect(local).toBe('2024-05-08');
      // Guard: the child really ran in a zone away from UTC.
      expect(offset).not.toBe(0);
    });
  }
});

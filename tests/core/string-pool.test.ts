import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringPool } from '../../src/core/string-pool.js';

describe('StringPool', () => {
  it('changes no value of the front matter it shares, however nested', () => {
    const pool = new StringPool();
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = structuredClone(value);
        expect(pool.share(copy)).toEqual(value);
      }),
    );
  });

  it('gives back the text it was given, short or long, seen or not', () => {
    const pool = new StringPool();
    const long = 'Physiotherapy '.repeat(20);
    expect(pool.intern('2026-11-01')).toBe('2026-11-01');
    expect(pool.intern(['2026', '11', '01'].join('-'))).toBe('2026-11-01');
    expect(pool.intern(long)).toBe(long);
  });

  it('keeps a key named __proto__ an own value, and leaves dates and other objects as they are', () => {
    const data = JSON.parse('{"__proto__": "x", "reviewed": {"by": ["Dr. Ana Ruiz"]}}') as Record<string, unknown>;
    const when = new Date('2024-05-08T00:00:00Z');
    data.when = when;
    const shared = new StringPool().share(data);
    expect(Object.getPrototypeOf(shared)).toBe(Object.prototype);
    expect(Object.keys(shared)).toEqual(['__proto__', 'reviewed', 'when']);
    expect(shared.reviewed).toEqual({ by: ['Dr. Ana Ruiz'] });
    expect(shared.when).toBe(when);
  });
});

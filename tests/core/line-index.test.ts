import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/core/line-index.js';

const text = fc.string({ maxLength: 200, unit: fc.constantFrom('a', 'b', ' ', '\n', '\r', '\t', 'é', '\u{1F600}') });

describe('LineIndex', () => {
  it('gives 1-based lines and columns', () => {
    const index = new LineIndex('ab\ncd\r\nef');
    expect(index.lineCount).toBe(3);
    expect(index.place(0)).toEqual({ line: 1, column: 1 });
    expect(index.place(3)).toEqual({ line: 2, column: 1 });
    expect(index.place(8)).toEqual({ line: 3, column: 2 });
    expect(index.lineText(2)).toBe('cd');
    expect(index.lineText(4)).toBe('');
  });

  it('clamps out-of-range offsets and places', () => {
    const index = new LineIndex('ab\ncd');
    expect(index.place(-5)).toEqual({ line: 1, column: 1 });
    expect(index.place(99)).toEqual({ line: 2, column: 3 });
    expect(index.offset(99, 1)).toBe(3);
    expect(index.offset(1, 99)).toBe(5);
  });

  it('round-trips every offset through place and back (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        const index = new LineIndex(t);
        for (let offset = 0; offset <= t.length; offset++) {
          const place = index.place(offset);
          expect(place.line).toBeGreaterThanOrEqual(1);
          expect(place.line).toBeLessThanOrEqual(index.lineCount);
          expect(index.offset(place.line, place.column)).toBe(offset);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('splits into the same lines as the text, without line endings (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100, unit: fc.constantFrom('a', ' ', '\n', 'é') }), (t) => {
        const index = new LineIndex(t);
        const lines = t.split('\n');
        expect(index.lineCount).toBe(lines.length);
        lines.forEach((line, i) => expect(index.lineText(i + 1)).toBe(line));
      }),
    );
  });
});

describe('LineIndex on text without a carriage return', () => {
  it('starts a line after each LF, as the loop over every character does', () => {
    const lf = fc.string({ maxLength: 300, unit: fc.constantFrom('a', ' ', '\n', '\t', 'é', '\u{1F600}') });
    fc.assert(
      fc.property(lf, (text) => {
        const index = new LineIndex(text);
        const lines = text.split('\n');
        expect(index.lineCount).toBe(lines.length);
        lines.forEach((line, i) => expect(index.lineText(i + 1)).toBe(line));
        let offset = 0;
        lines.forEach((line, i) => {
          expect(index.place(offset)).toEqual({ line: i + 1, column: 1 });
          offset += line.length + 1;
        });
      }),
    );
  });
});

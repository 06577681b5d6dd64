import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerptParts, shownExcerpt } from '../../src/render/excerpt.js';

/** The excerpt as pages show it. */
const excerpt = (text: string, length: number) => {
  const { text: kept, cut } = excerptParts(text, length);
  return shownExcerpt(kept, cut);
};

describe('excerpt', () => {
  it('keeps a short text whole', () => {
    expect(excerpt('Mammograms find  cancer\nearly.', 160)).toBe('Mammograms find cancer early.');
  });

  it('cuts at a word boundary, not mid-word as the seed page does', () => {
    const text = 'Mammograms are an essential tool in the early detection of breast cancer.';
    expect(excerpt(text, 50)).toBe('Mammograms are an essential tool in the early…');
  });

  it('drops punctuation left dangling before the ellipsis', () => {
    expect(excerpt('Rest, ice, compression and elevation help.', 10)).toBe('Rest, ice…');
    expect(excerpt('It started in the lung. Then it spread.', 24)).toBe('It started in the lung…');
  });

  it('cuts a single over-long word where it must', () => {
    expect(excerpt('Pneumonoultramicroscopicsilicovolcanoconiosis', 10)).toBe('Pneumonoul…');
  });

  it('is empty when excerpts are switched off', () => {
    expect(excerpt('Anything at all', 0)).toBe('');
  });

  it('is always a whole-word prefix of the text, within the length', () => {
    const word = fc.stringMatching(/^[A-Za-zé]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 200 }), (words, length) => {
        const text = words.join(' ');
        const result = excerpt(text, length);
        if (result === text) return;
        expect(result.endsWith('…')).toBe(true);
        const body = result.slice(0, -1);
        expect(body.length).toBeLessThanOrEqual(length);
        expect(text.startsWith(body)).toBe(true);
        // The cut falls between words unless the first word alone is too long.
        if (words[0].length <= length) expect(text[body.length]).toBe(' ');
      }),
    );
  });

  it('is kept as its text and whether it was cut: Latin-1 text stays Latin-1, cut only when too long', () => {
    expect(excerptParts('Rest, ice, compression and elevation help.', 10)).toEqual({ text: 'Rest, ice', cut: true });
    expect(excerptParts('Rest helps.', 160)).toEqual({ text: 'Rest helps.', cut: false });
    const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((code) => String.fromCharCode(code)), maxLength: 300 });
    fc.assert(
      fc.property(latin1, fc.integer({ min: 1, max: 200 }), (text, length) => {
        const { text: kept, cut } = excerptParts(text, length);
        // One byte a character in V8: nothing past U+00FF, the ellipsis included.
        expect(/^[\u0000-\u00ff]*$/.test(kept)).toBe(true);
        expect(cut).toBe(text.replace(/\s+/g, ' ').trim().length > length);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLUG_PATTERN } from '../../src/core/url.js';
import { MAX_SLUG_LENGTH, slugify } from '../../src/scaffold/slugify.js';

describe('slugify', () => {
  it('folds accents to plain ASCII (ä → a, not ae)', () => {
    expect(slugify('Café-Ärzte: Schlafstörungen')).toBe('cafe-arzte-schlafstorungen');
  });

  it('transliterates letters that are not accented forms', () => {
    expect(slugify('Straße, Øresund & Æther')).toBe('strasse-oresund-aether');
    expect(slugify('Боль в спине')).toBe('bol-v-spine');
    expect(slugify('ﬁbromyalgia')).toBe('fibromyalgia');
  });

  it('joins words with single hyphens and trims them at the ends', () => {
    expect(slugify('  Back pain -- what helps?  ')).toBe('back-pain-what-helps');
    expect(slugify('COVID-19 (2024) update')).toBe('covid-19-2024-update');
  });

  it('returns an empty slug when nothing usable is left', () => {
    expect(slugify('!!!')).toBe('');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('word')).toBe(true);
  });

  it('always yields a valid slug or nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (title) => {
        const slug = slugify(title);
        expect(slug === '' || SLUG_PATTERN.test(slug)).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(slug).not.toMatch(/--|-$/);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import transliterate from '@sindresorhus/transliterate';
import { MAX_SLUG_LENGTH, SLUG_PATTERN, slugify, suggestedSlug, toLatin } from '../../src/core/slug.js';

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

describe('suggestedSlug', () => {
  it('offers the value made a slug, else the file name, else a placeholder', () => {
    expect(suggestedSlug('Straße & Rücken', 'articles/x.md')).toBe('strasse-rucken');
    expect(suggestedSlug('!!!', 'articles/Knee Pain.md')).toBe('knee-pain');
    expect(suggestedSlug('', 'articles/痛み.md')).toBe('my-article');
  });

  it('always offers a slug the front matter accepts', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (value, name) => SLUG_PATTERN.test(suggestedSlug(value, `articles/${name}.md`))));
  });
});

describe('toLatin', () => {
  it('gives what transliterate gives for ASCII text, without running it', () => {
    for (let code = 0; code < 128; code++) {
      const character = String.fromCharCode(code);
      expect(toLatin(`a${character}b`)).toBe(transliterate(`a${character}b`));
    }
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 40 }), (text) => toLatin(text) === transliterate(text)));
  });

  it('transliterates text beyond ASCII', () => {
    expect(toLatin('Straße')).toBe('Strasse');
    expect(toLatin('a^b `Ø`')).toBe('ab O');
  });
});

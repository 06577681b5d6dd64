import { describe, expect, it } from 'vitest';
import { spanishSyllables } from '../../../src/rules/util/spanish-syllables.js';

describe('spanishSyllables', () => {
  it('counts one syllable per vowel outside a vowel group', () => {
    expect(spanishSyllables('casa')).toBe(2);
    expect(spanishSyllables('médico')).toBe(3);
    expect(spanishSyllables('enfermedad')).toBe(4);
  });

  it('reads an open and a close vowel, or two different close vowels, as a diphthong', () => {
    expect(spanishSyllables('tiene')).toBe(2); // tie-ne
    expect(spanishSyllables('causa')).toBe(2); // cau-sa
    expect(spanishSyllables('ciudad')).toBe(2); // ciu-dad
    expect(spanishSyllables('cuidado')).toBe(3); // cui-da-do
    expect(spanishSyllables('Uruguay')).toBe(3); // u-ru-guay: a triphthong
  });

  it('reads two open vowels, or an accented close vowel beside an open one, as a hiatus', () => {
    expect(spanishSyllables('leo')).toBe(2); // le-o
    expect(spanishSyllables('aéreo')).toBe(4); // a-é-re-o
    expect(spanishSyllables('país')).toBe(2); // pa-ís
    expect(spanishSyllables('reúne')).toBe(3); // re-ú-ne
    expect(spanishSyllables('día')).toBe(2); // dí-a
    expect(spanishSyllables('dia')).toBe(1); // without the accent, a diphthong
    expect(spanishSyllables('chiita')).toBe(3); // chi-i-ta
  });

  it('keeps the silent u of que and gui inside its syllable, and y as a vowel only where it sounds as one', () => {
    expect(spanishSyllables('que')).toBe(1);
    expect(spanishSyllables('guitarra')).toBe(3);
    expect(spanishSyllables('pingüino')).toBe(3); // pin-güi-no
    expect(spanishSyllables('hoy')).toBe(1);
    expect(spanishSyllables('muy')).toBe(1);
    expect(spanishSyllables('y')).toBe(1);
    expect(spanishSyllables('mayo')).toBe(2);
    expect(spanishSyllables('Yo')).toBe(1);
  });

  it('counts a word without vowels as one', () => {
    expect(spanishSyllables('Sr')).toBe(1);
  });
});

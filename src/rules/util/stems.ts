import { singular } from '../../core/sections.js';

/** A word of a text, reduced to its stem, with its offset in that text. */
export interface StemmedWord {
  stem: string;
  offset: number;
}

/**
 * Words that say what kind of thing a name is rather than which one, and function words: they
 * never identify a treatment on their own ("chiropractic care" is about "chiropractic").
 */
export const WEAK_WORDS = new Set([
  'a', 'an', 'and', 'or', 'the', 'for', 'of', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'as',
  'your', 'my', 'our', 'their', 'its', 'it', 'is', 'are', 'how', 'what', 'when', 'why', 'about',
  'care', 'therapy', 'treatment', 'option', 'management', 'use', 'using',
]);

// Longest first; one is removed after the plural, so "surgery", "surgeries", "surgical" and
// "surgically" share the stem "surg", and "acupuncture" and "acupuncturist" share "acupunctur".
const SUFFIXES = ['ically', 'ation', 'ical', 'ally', 'ery', 'ity', 'ist', 'ism', 'ing', 'ion', 'ful', 'ous', 'ive', 'ic', 'al', 'ly', 'ed', 'er', 'or', 'y', 'e'];
const MIN_STEM = 3;

/** A crude stem, enough to tell that two words are forms of one another. */
export function stem(word: string): string {
  const base = singular(word);
  for (const suffix of SUFFIXES) {
    if (base.endsWith(suffix) && base.length - suffix.length >= MIN_STEM) return base.slice(0, -suffix.length);
  }
  return base;
}

/**
 * The stems of a text's words, in order, with their offsets. Weak words and single letters are
 * left out unless `keepWeak` (a name made only of weak words still names something).
 */
export function stemmedWords(text: string, keepWeak = false): StemmedWord[] {
  const found: StemmedWord[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0].toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (word.length < 2 || (!keepWeak && WEAK_WORDS.has(singular(word)))) continue;
    found.push({ stem: stem(word), offset: match.index });
  }
  return found;
}

import { syllable } from 'syllable';
import { spanishSyllables } from './spanish-syllables.js';

/** What the Flesch–Kincaid and INFLESZ formulas count in a text. */
export interface ReadingCounts {
  words: number;
  sentences: number;
  syllables: number;
}

// Citations and links are read past, not read: they would count as long, many-syllable words.
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const CITATION = /\b(?:PMID|PMCID|DOI|ISBN)\s*:?\s*\S+|\bdoi\.org\/\S+|\[\d+(?:\s*[,–-]\s*\d+)*\]/gi;
const MAYBE_CITATION = /:\/\/|www\.|pmid|pmcid|doi|isbn|\[\d/i;
/** Words whose full stop does not end a sentence ("e.g." is read as the word "e.g"). */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'approx', 'dept', 'fig', 'cf', 'al', 'dr', 'mr', 'mrs', 'ms', 'prof', 'dra', 'sr', 'sra', 'srta', 'ej', 'p.ej', 'pág', 'núm', 'aprox', 'ud', 'uds', 'p']);
const MAX_CACHED = 50_000;

/** Counts the syllables of one word in one language. */
export type SyllableCounter = (word: string) => number;

/** A counter that remembers: articles reuse a small vocabulary, and counting is the costly part. */
function remembering(count: SyllableCounter): SyllableCounter {
  const cache = new Map<string, number>();
  return (word) => {
    // Keyed as written: lower-casing every word costs more than caching "The" beside "the".
    let syllables = cache.get(word);
    if (syllables === undefined) {
      syllables = Math.max(1, count(word));
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(word, syllables);
    }
    return syllables;
  };
}

export const englishSyllables: SyllableCounter = remembering(syllable);
export const spanishSyllableCount: SyllableCounter = remembering(spanishSyllables);

/**
 * Counts words, sentences and syllables in plain text. Every text with words is at least one
 * sentence (a list item without a full stop is one); numbers, URLs and citations are not words.
 */
export function readingCounts(text: string, syllablesOf: SyllableCounter = englishSyllables): ReadingCounts {
  const counts: ReadingCounts = { words: 0, sentences: 0, syllables: 0 };
  const cleaned = MAYBE_CITATION.test(text) ? text.replace(URL, ' ').replace(CITATION, ' ') : text;
  const length = cleaned.length;
  let wordsInSentence = 0;
  let lastWord = '';
  let lastWordEnd = -1;
  let i = 0;
  // A hand-written scanner: Unicode-aware regular expressions were the costliest part of linting a corpus.
  while (i < length) {
    const code = cleaned.charCodeAt(i);
    if (isAlphanumeric(code)) {
      const start = i;
      let letters = false;
      for (;;) {
        while (i < length && isAlphanumeric(cleaned.charCodeAt(i))) {
          if (!letters && isLetter(cleaned.charCodeAt(i))) letters = true;
          i++;
        }
        // An apostrophe, hyphen or full stop between letters or digits joins them: don't, anti-inflammatory, e.g.
        if (i + 1 < length && isJoiner(cleaned.charCodeAt(i)) && isAlphanumeric(cleaned.charCodeAt(i + 1))) i++;
        else break;
      }
      lastWord = cleaned.slice(start, i);
      lastWordEnd = i;
      if (!letters) continue;
      wordsInSentence++;
      counts.words++;
      counts.syllables += syllablesOf(lastWord);
    } else if (isEnd(code)) {
      const start = i;
      while (i < length && isEnd(cleaned.charCodeAt(i))) i++;
      let after = i;
      while (after < length && isCloser(cleaned.charCodeAt(after))) after++;
      const endsSentence = after >= length || isSpace(cleaned.charCodeAt(after));
      const abbreviation = i - start === 1 && code === 46 && start === lastWordEnd && ABBREVIATIONS.has(lastWord.toLowerCase());
      if (endsSentence && !abbreviation && wordsInSentence > 0) {
        counts.sentences++;
        wordsInSentence = 0;
      }
    } else {
      i++;
    }
  }
  if (wordsInSentence > 0) counts.sentences++;
  return counts;
}

const LETTER = /\p{L}/u;
const ALPHANUMERIC = /[\p{L}\p{N}]/u;

function isLetter(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER.test(String.fromCharCode(code));
}

function isAlphanumeric(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return ALPHANUMERIC.test(String.fromCharCode(code));
}

function isJoiner(code: number): boolean {
  return code === 39 /* ' */ || code === 0x2019 /* ’ */ || code === 45 /* - */ || code === 46 /* . */;
}

function isEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63;
}

function isCloser(code: number): boolean {
  return code === 34 || code === 39 || code === 41 || code === 93 || code === 0x201d || code === 0x2019;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 0xa0;
}

/** The Flesch–Kincaid grade of counts: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
export function gradeOf(counts: ReadingCounts): number {
  if (counts.words === 0 || counts.sentences === 0) return 0;
  return 0.39 * (counts.words / counts.sentences) + 11.8 * (counts.syllables / counts.words) - 15.59;
}

/**
 * The INFLESZ score of counts (Barrio-Cantalejo et al. 2008, Szigriszt-Pazos' perspicuity scaled for
 * Spanish health texts): 206.835 − 62.3 × syllables per word − words per sentence. 0–100, higher
 * is easier: below 40 very hard, 40–55 somewhat hard, 55–65 normal, 65–80 fairly easy, above 80 very easy.
 */
export function infleszOf(counts: ReadingCounts): number {
  if (counts.words === 0 || counts.sentences === 0) return 100;
  return 206.835 - 62.3 * (counts.syllables / counts.words) - counts.words / counts.sentences;
}

import { syllable } from 'syllable';

/** What the Flesch–Kincaid formula counts in a text. */
export interface ReadingCounts {
  words: number;
  sentences: number;
  syllables: number;
}

// Citations and links are read past, not read: they would count as long, many-syllable words.
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
const CITATION = /\b(?:PMID|PMCID|DOI|ISBN)\s*:?\s*\S+|\bdoi\.org\/\S+|\[\d+(?:\s*[,–-]\s*\d+)*\]/gi;
// Their full stops do not end a sentence.
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|approx|dept|fig|cf|et al|Dr|Mr|Mrs|Ms|Prof|St|No)\./gi;
const SENTENCE_END = /[.!?]+(?=["'”’)\]]*(?:\s|$))/;
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;
const LETTER = /\p{L}/u;

const MAX_CACHED = 50_000;
const syllableCache = new Map<string, number>();

/** Syllables of one word, remembered: articles reuse a small vocabulary, and counting is the costly part. */
function syllablesOf(word: string): number {
  const key = word.toLowerCase();
  let count = syllableCache.get(key);
  if (count === undefined) {
    count = Math.max(1, syllable(key));
    if (syllableCache.size >= MAX_CACHED) syllableCache.clear();
    syllableCache.set(key, count);
  }
  return count;
}

/**
 * Counts words, sentences and syllables in plain text. Every text with words is at least one
 * sentence (a list item without a full stop is one); numbers, URLs and citations are not words.
 */
export function readingCounts(text: string): ReadingCounts {
  const counts: ReadingCounts = { words: 0, sentences: 0, syllables: 0 };
  const cleaned = text.replace(URL, ' ').replace(CITATION, ' ').replace(ABBREVIATION, (match) => match.replace(/\./g, ''));
  for (const sentence of cleaned.split(SENTENCE_END)) {
    let words = 0;
    for (const [word] of sentence.matchAll(WORD)) {
      if (!LETTER.test(word)) continue;
      words++;
      counts.syllables += syllablesOf(word);
    }
    if (words > 0) {
      counts.words += words;
      counts.sentences++;
    }
  }
  return counts;
}

/** The Flesch–Kincaid grade of counts: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
export function gradeOf(counts: ReadingCounts): number {
  if (counts.words === 0 || counts.sentences === 0) return 0;
  return 0.39 * (counts.words / counts.sentences) + 11.8 * (counts.syllables / counts.words) - 15.59;
}

/** The Flesch–Kincaid reading grade of plain text (the US school year a reader needs). Pure. */
export function fleschKincaidGrade(text: string): number {
  return gradeOf(readingCounts(text));
}

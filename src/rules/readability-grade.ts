import * as z from 'zod/mini';
import type { Article } from '../core/article.js';
import { articleLanguage } from '../core/article-info.js';
import { primaryLanguage } from '../core/language-tag.js';
import type { Config } from '../core/config.js';
import { defineRule } from './types.js';
import { matchesSection } from './util/match-section.js';
import { rawLocator } from './util/raw-locator.js';
import { englishSyllables, gradeOf, infleszOf, readingCounts, spanishSyllableCount, type ReadingCounts, type SyllableCounter } from './util/readability.js';

/** Below this much prose a grade says little: a stub is not "hard to read". */
const MIN_ARTICLE_WORDS = 100;
/** A paragraph is a fair candidate for "the hardest" only with this many words. */
const MIN_PARAGRAPH_WORDS = 20;
/** Sections that are not read as prose: citations and boilerplate. */
const UNSCORED_SECTIONS = ['Sources', 'Disclaimer'];

interface Scored {
  start: number;
  raw: string;
  counts: ReadingCounts;
}

interface Options {
  maxGrade?: number;
  minInflesz?: number;
}

/** How one language's prose is scored, and which way is harder. */
interface Measure {
  messageId: 'too-hard' | 'too-hard-inflesz';
  syllables: SyllableCounter;
  score(counts: ReadingCounts): number;
  /** The target from options or config. */
  target(options: Options, config: Config): number;
  /** True when `score` is harder than `target` allows (a grade above it, an ease score below it). */
  tooHard(score: number, target: number): boolean;
}

/** By primary language subtag. A language not here is not scored: an English formula misreads it. */
const MEASURES: Record<string, Measure> = {
  en: {
    messageId: 'too-hard',
    syllables: englishSyllables,
    score: gradeOf,
    target: (options, config) => options.maxGrade ?? config.readability.maxGrade,
    tooHard: (grade, max) => grade > max,
  },
  es: {
    messageId: 'too-hard-inflesz',
    syllables: spanishSyllableCount,
    score: infleszOf,
    target: (options, config) => options.minInflesz ?? config.readability.minInflesz,
    tooHard: (score, min) => score < min,
  },
};

/**
 * The prose must read at the target level for its language: the Flesch–Kincaid grade for
 * English, the INFLESZ score (Szigriszt-Pazos, as used for Spanish health texts) for Spanish;
 * points at the hardest paragraph. Other languages are left unscored.
 */
export const readabilityGrade = defineRule({
  id: 'readability-grade',
  description:
    'The prose reads at the target level for its language: Flesch–Kincaid grade at most readability.maxGrade (English), INFLESZ score at least readability.minInflesz (Spanish); other languages are not scored; points at the hardest paragraph',
  severity: 'warning',
  messages: {
    'too-hard':
      'Reading grade {{score}} is above the target of {{target}}; the hardest paragraph (grade {{hardest}}) starts here: use shorter sentences and plainer words',
    'too-hard-inflesz':
      'INFLESZ readability {{score}} is below the target of {{target}} (55–65 is normal, higher is easier); the hardest paragraph ({{hardest}}) starts here: use shorter sentences and plainer words',
  },
  // Without them, readability.maxGrade and readability.minInflesz are the targets.
  options: z.strictObject({
    maxGrade: z.optional(z.number().check(z.gte(0), z.lte(30))),
    minInflesz: z.optional(z.number().check(z.gte(0), z.lte(100))),
  }),
  check({ article, config, options, report }) {
    const measure = MEASURES[primaryLanguage(articleLanguage(article, config))];
    if (!measure) return;
    const target = measure.target(options, config);
    const paragraphs = scoredProse(article, measure.syllables);
    const total: ReadingCounts = { words: 0, sentences: 0, syllables: 0 };
    for (const { counts } of paragraphs) {
      total.words += counts.words;
      total.sentences += counts.sentences;
      total.syllables += counts.syllables;
    }
    if (total.words < MIN_ARTICLE_WORDS) return;
    const score = round(measure.score(total));
    if (!measure.tooHard(score, target)) return;
    const candidates = paragraphs.filter((p) => p.counts.words >= MIN_PARAGRAPH_WORDS);
    const hardest = (candidates.length ? candidates : paragraphs).reduce((a, b) => (measure.tooHard(measure.score(b.counts), measure.score(a.counts)) ? b : a));
    const locate = rawLocator(article.body, hardest.raw, hardest.start);
    report({
      messageId: measure.messageId,
      data: { score: score.toFixed(1), target, hardest: round(measure.score(hardest.counts)).toFixed(1) },
      at: { start: locate(0), end: locate(hardest.raw.trimEnd().length) },
    });
  },
});

/** Paragraphs and list items that are read as prose: not under a Sources or Disclaimer heading. */
function scoredProse(article: Article, syllables: SyllableCounter): Scored[] {
  const unscored = article.headings.filter((heading) => UNSCORED_SECTIONS.some((name) => matchesSection(heading.text, name)));
  return article.prose
    .filter((block) => !unscored.some((heading) => heading.start <= block.start && block.start < heading.sectionEnd))
    .map((block) => ({ start: block.start, raw: block.raw, counts: readingCounts(block.text, syllables) }))
    .filter((scored) => scored.counts.words > 0);
}

function round(grade: number): number {
  return Math.round(grade * 10) / 10;
}

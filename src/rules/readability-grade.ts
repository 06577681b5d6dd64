import type { Article } from '../core/article.js';
import * as z from 'zod/mini';
import { defineRule } from './types.js';
import { matchesSection } from './util/match-section.js';
import { rawLocator } from './util/raw-locator.js';
import { gradeOf, readingCounts, type ReadingCounts } from './util/readability.js';

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

/** The Flesch–Kincaid grade of the article's prose must not exceed the target; points at the hardest paragraph. */
export const readabilityGrade = defineRule({
  id: 'readability-grade',
  description: 'The Flesch–Kincaid reading grade of the prose is at most readability.maxGrade; points at the hardest paragraph',
  severity: 'warn',
  messages: {
    'too-hard':
      'Reading grade {{grade}} is above the target of {{maxGrade}}; the hardest paragraph (grade {{hardest}}) starts here: use shorter sentences and plainer words',
  },
  // Without the option, readability.maxGrade is the target.
  options: z.strictObject({ maxGrade: z.optional(z.number().check(z.gte(0), z.lte(30))) }),
  check({ article, config, options, report }) {
    const maxGrade = options.maxGrade ?? config.readability.maxGrade;
    const paragraphs = scoredProse(article);
    const total: ReadingCounts = { words: 0, sentences: 0, syllables: 0 };
    for (const { counts } of paragraphs) {
      total.words += counts.words;
      total.sentences += counts.sentences;
      total.syllables += counts.syllables;
    }
    if (total.words < MIN_ARTICLE_WORDS) return;
    const grade = round(gradeOf(total));
    if (grade <= maxGrade) return;
    const candidates = paragraphs.filter((p) => p.counts.words >= MIN_PARAGRAPH_WORDS);
    const hardest = (candidates.length ? candidates : paragraphs).reduce((a, b) => (gradeOf(b.counts) > gradeOf(a.counts) ? b : a));
    const locate = rawLocator(article.body, hardest.raw, hardest.start);
    report({
      messageId: 'too-hard',
      data: { grade: grade.toFixed(1), maxGrade, hardest: round(gradeOf(hardest.counts)).toFixed(1) },
      at: { start: locate(0), end: locate(hardest.raw.trimEnd().length) },
    });
  },
});

/** Paragraphs and list items that are read as prose: not under a Sources or Disclaimer heading. */
function scoredProse(article: Article): Scored[] {
  const unscored = article.headings.filter((heading) => UNSCORED_SECTIONS.some((name) => matchesSection(heading.text, name)));
  return article.prose
    .filter((block) => !unscored.some((heading) => heading.start <= block.start && block.start < heading.sectionEnd))
    .map((block) => ({ start: block.start, raw: block.raw, counts: readingCounts(block.text) }))
    .filter((scored) => scored.counts.words > 0);
}

function round(grade: number): number {
  return Math.round(grade * 10) / 10;
}

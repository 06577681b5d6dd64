import type { Article } from '../core/article.js';
import type { Place } from '../core/diagnostic.js';
import type { Heading } from '../core/markdown.js';
import type { Rule } from './types.js';
import { wordsOf } from './util/match-section.js';
import { sectionHasContent } from './util/section.js';
import { stemmedWords, WEAK_WORDS } from './util/stems.js';

/** Each `treatments` entry has a heading of its own with content; when it has none, say where the body discusses it. */
export const treatmentHeadings: Rule = {
  id: 'treatment-headings',
  description: 'Every treatment listed in `treatments` has its own heading with content under it',
  severity: 'error',
  messages: {
    'no-heading-mentioned': 'the treatment is discussed in the body, under another heading, but has no heading of its own',
    'no-heading': 'the treatment has no heading and the body does not discuss it',
    empty: 'the treatment has a heading but nothing under it',
  },
  check({ article, report }) {
    const value = article.data.treatments;
    const entries = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    const places = article.frontMatter?.places.treatments;
    entries.forEach((entry, index) => {
      if (typeof entry !== 'string' || !entry.trim()) return;
      const treatment = entry.trim();
      const place: Place = (Array.isArray(value) ? places?.items?.[index] : undefined) ?? places?.value ?? { line: 1, column: 1 };
      const headings = article.headings.filter((heading) => headingNamesTreatment(heading.text, treatment));
      if (headings.some(sectionHasContent)) return;
      const name = capitalize(treatment);
      if (headings.length > 0) {
        const heading = headings[0];
        const line = article.place(heading.start).line;
        report({
          messageId: 'empty',
          message: `${name} has a heading ('${heading.text}', line ${line}) but nothing under it: write about the treatment there`,
          ...place,
        });
        return;
      }
      const mention = firstMention(article, treatment);
      if (mention === undefined) {
        report({
          messageId: 'no-heading',
          message: `${name} is listed in treatments but has no heading and is not discussed: add a '## ${headingTitle(treatment)}' section, or remove it from treatments`,
          ...place,
        });
        return;
      }
      const owner = article.headingAt(mention);
      const where = owner ? `under '${owner.text}'` : 'in the introduction';
      const hashes = '#'.repeat(Math.max(2, owner?.depth ?? 2));
      report({
        messageId: 'no-heading-mentioned',
        message: `${name} is discussed at line ${article.place(mention).line}, ${where}, but has no heading of its own: add a heading such as '${hashes} ${headingTitle(treatment)}'`,
        ...place,
      });
    });
  },
};

/**
 * A heading names a treatment when it holds all the treatment's significant words ("Chiropractic"
 * for "chiropractic care"), or when the treatment holds all of the heading's, one at least
 * ("Medications" for "prescription pain medications"). Weak words alone ("Treatment") never do.
 */
function headingNamesTreatment(heading: string, treatment: string): boolean {
  const headingWords = wordsOf(heading);
  const treatmentWords = wordsOf(treatment);
  const strongTreatment = significant(treatmentWords);
  const wanted = strongTreatment.length > 0 ? strongTreatment : treatmentWords;
  if (wanted.length > 0 && wanted.every((word) => headingWords.includes(word))) return true;
  const strongHeading = significant(headingWords);
  return strongHeading.length > 0 && strongHeading.every((word) => treatmentWords.includes(word));
}

function significant(list: readonly string[]): readonly string[] {
  return list.filter((word) => !WEAK_WORDS.has(word));
}

/**
 * Body offset of the first sentence of prose that names the treatment: all its significant words,
 * by stem ("surgically" names "surgery"), in any order ("prescription medication for pain").
 */
function firstMention(article: Article, treatment: string): number | undefined {
  let wanted = stemmedWords(treatment).map((w) => w.stem);
  if (wanted.length === 0) wanted = stemmedWords(treatment, true).map((w) => w.stem);
  if (wanted.length === 0) return undefined;
  let first: number | undefined;
  for (const block of article.prose) {
    if (first !== undefined && block.start >= first) continue;
    const text = withoutUrls(block.raw);
    for (const sentence of text.matchAll(/[^.!?]+(?:[.!?]+|$)/g)) {
      const found = stemmedWords(sentence[0]);
      if (!wanted.every((stem) => found.some((w) => w.stem === stem))) continue;
      const firstWord = found.find((w) => wanted.includes(w.stem))!;
      const offset = block.start + sentence.index + firstWord.offset;
      if (first === undefined || offset < first) first = offset;
      break;
    }
  }
  return first;
}

/** Blanks link targets, autolinks, tags and bare URLs (same length, so offsets hold): a URL is not a mention. */
function withoutUrls(raw: string): string {
  return raw.replace(/\]\([^)]*\)|<[^>\n]*>|\bhttps?:\/\/\S+/gi, (match) => ' '.repeat(match.length));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'or', 'the', 'for', 'of', 'to', 'in', 'on', 'at', 'by', 'with']);

/** "prescription pain medications" → "Prescription Pain Medications"; words already capitalised (NSAIDs) stay. */
function headingTitle(treatment: string): string {
  return treatment
    .split(/(\s+)/)
    .map((part, index) => (index > 0 && SMALL_WORDS.has(part.toLowerCase()) ? part : capitalize(part)))
    .join('');
}

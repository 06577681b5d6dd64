import type { Article } from '../core/article.js';
import type { Heading } from '../core/markdown.js';
import { defineRule } from './types.js';
import { wordsOf } from './util/match-section.js';
import { sectionHasContent } from './util/section.js';
import { stemmedWords, WEAK_WORDS } from './util/stems.js';

/** Each `treatments` entry has a heading of its own with content; when it has none, say where the body discusses it. */
export const treatmentHeadings = defineRule({
  id: 'treatment-headings',
  description: 'Every treatment listed in `treatments` has its own heading with content under it',
  severity: 'error',
  messages: {
    'no-heading-mentioned': "{{name}} is discussed at line {{line}}, {{where}}, but has no heading of its own: add a heading such as '{{heading}}'",
    'no-heading': "{{name}} is listed in treatments but has no heading and is not discussed: add a '## {{title}}' section, or remove it from treatments",
    empty: "{{name}} has a heading ('{{heading}}', line {{line}}) but nothing under it: write about the treatment there",
  },
  check({ article, report }) {
    const value = article.data.treatments;
    const entries = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    entries.forEach((entry, index) => {
      if (typeof entry !== 'string' || !entry.trim()) return;
      const treatment = entry.trim();
      const at = { value: 'treatments', item: Array.isArray(value) ? index : undefined };
      const headings = article.headings.filter((heading) => headingNamesTreatment(heading.text, treatment));
      if (headings.some(sectionHasContent)) return;
      const name = capitalize(treatment);
      if (headings.length > 0) {
        report({ messageId: 'empty', data: { name, heading: headings[0].text, line: { lineOf: headings[0].start } }, at });
        return;
      }
      const mention = firstMention(article, treatment);
      if (mention === undefined) {
        report({ messageId: 'no-heading', data: { name, title: headingTitle(treatment) }, at });
        return;
      }
      const owner = article.headingAt(mention);
      const where = owner ? `under '${owner.text}'` : 'in the introduction';
      const hashes = '#'.repeat(Math.max(2, owner?.depth ?? 2));
      report({ messageId: 'no-heading-mentioned', data: { name, line: { lineOf: mention }, where, heading: `${hashes} ${headingTitle(treatment)}` }, at });
    });
  },
});

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

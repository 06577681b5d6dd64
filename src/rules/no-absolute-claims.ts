import * as z from 'zod/mini';
import { defineRule } from './types.js';
import { articleLanguage } from '../core/article-info.js';
import { primaryLanguage } from '../core/language-tag.js';
import { claimStarts, KINDS } from './util/claim-phrases.js';
import { CLAIM_PATTERN_ES, LIMITED_AFTER_ES, OWN_BODY_BEFORE_ES, QUALIFIERS_ES } from './util/claim-phrases-es.js';
import { phrasePattern } from './util/phrase-pattern.js';
import { textBlocks } from './util/text-blocks.js';

/** What each kind of claim promises, as a message says it. */
const PROMISES: Record<string, string> = {
  cure: 'it promises a cure',
  certainty: 'it promises the outcome for certain',
  exclusivity: 'it says nothing else works',
  universality: 'it promises the same result for everyone',
  safety: 'it promises there is no risk',
  proven: 'it says the evidence is settled',
};

// No leading look-behind and no Unicode mode: both slow the scan of every position down. The phrases
// are ASCII; a match that starts inside a word is skipped in code. The look-ahead, a tree of the
// words the phrases start with, turns most positions away after a character or two, where the
// alternatives themselves would each be tried (a third of the time on 8 MB of articles). The
// bundle has it ready; the source tree reads it from the phrases.
declare const HEALTHMD_CLAIM_STARTS: string | undefined;
const CLAIM_PATTERN = new RegExp(
  `\\b(?=${typeof HEALTHMD_CLAIM_STARTS === 'string' ? HEALTHMD_CLAIM_STARTS : claimStarts()})(?:${Object.entries(KINDS)
    .map(([kind, phrases]) => `(?<${kind}>${phrases.join('|')})`)
    .join('|')})(?![a-z0-9_\\u00c0-\\u024f])`,
  'gi',
);
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Words that, shortly before a phrase in the same sentence, make it a denial, a hedge or a mention. */
const QUALIFIERS = new Set(
  (
    'no not never nothing none nor neither nobody without cannot hardly rarely seldom unlikely ' +
    'few most many some usually often sometimes may might could if whether unless ' +
    'generally typically normally mostly largely probably likely thought believed ' +
    'myth myths claim claims claimed claiming promise promises promising beware wary avoid sceptical skeptical ' +
    'suspicious false falsely misleading so-called doubt doubtful said supposed supposedly alleged allegedly reportedly'
  ).split(' '),
);
/** Quantifiers that hedge only as quantifiers: "most people" does, "the most effective" does not. */
const QUANTIFIERS = new Set(['few', 'most', 'many', 'some']);
const LOOKBACK_WORDS = 8;
/** Just after a promise of safety, certainty or the same result for all, a limit takes it back: "completely safe for most adults". */
const LIMITED_AFTER = /^[^.!?;]{0,40}?\b(?:most|many|some|usually|generally|typically|when\s+(?:used|taken)|if\s+(?:used|taken)|as\s+directed|in\s+most)\b/i;
/** Just after a phrase, words that deny it: "a medicine with no side effects does not exist". */
const DENIED_AFTER = /^[^.!?;]{0,40}?\b(?:(?:does|do)\s+not\s+exist|(?:doesn|don)['’]t\s+exist|is\s+a\s+myth|is\s+(?:not|un)true|is\s+false)\b/i;
/** A label that opens a sentence and says what follows is someone else's claim: "Myth: …". */
// A masked comment or code span (U+FFFC) may stand before it.
const MYTH_LABEL = /^[\s\ufffc]*(?:myths?|claims?|fiction|false|wrong|untrue|rumou?rs?)\s*:/i;
/** A glossary line up to the first clause of its definition: "Cure: a treatment that". */
const GLOSSARY_ENTRY = /^\s*[\p{L}'’ -]{1,30}:\s+(?:a|an|the)\s[^.;:!?]*$/iu;
/** A sentence that reports how something is sold: what follows "marketed as" is the seller's claim, not the article's. */
const PROMOTED_AS = /\b(?:marketed|advertis(?:e|es|ed|ing)|promoted|touted|billed|sold|pitched)\s+(?:[^\s.;!?]+\s+){0,4}?as\b/i;
const ADVICE = /\b(?:should|must|ought\s+to|need\s+to|please)\s+$/i;
const QUOTES = /["'“”‘’]/;
/** Words that set a quotation at a distance: the article reports what others say, and doubts it. */
const DISTANCING =
  /\b(?:claims?|claimed|claiming|advertis\w*|adverts?|ads|marketed|marketing|promis\w*|myths?|false|falsely|misleading|untrue|wrong|so-called|boasts?|touts?|sold\s+as|labell?ed|but|however|not|isn['’]t|aren['’]t|nothing)\b/i;
/**
 * A citation beside the words, in the Markdown source: a link to a web page or DOI, a
 * reference-style link, a footnote (`[^1]`), a numbered reference (`[3]`, `[2, 5]`, `[4–6]`), a bare
 * URL, a DOI or PMID, an author and year (`(Smith et al., 2019)`).
 */
const CITATION =
  /\]\((?:https?:\/\/|\/\/|doi:)|\]\[[^\]]+\]|\[\^[^\]]+\]|\[\d+(?:\s*[,–-]\s*\d+)*\]|https?:\/\/\S|\b10\.\d{4,9}\/\S|\bPMID:?\s*\d|\([A-Z][\p{L}'’-]+(?:\s+(?:et\s+al\.?|and\s+[A-Z][\p{L}'’-]+))?,?\s+(?:19|20)\d{2}[a-z]?\)/u;

/** Flags absolute health claims ("a miracle cure", "the only treatment", "works for everyone", "completely safe"), not denials, hedges or quoted mentions. */
export const noAbsoluteClaims = defineRule({
  id: 'no-absolute-claims',
  description:
    'No absolute health claims (cures, certainty, "the only treatment", "works for everyone", "completely safe"), in English and, on Spanish pages, in Spanish ("cura el asma", "sin efectos secundarios"); denials, hedges and doubted quotations pass, and "proven" passes beside a citation',
  severity: 'warning',
  messages: {
    claim: '"{{phrase}}" is an absolute claim ({{promise}}) {{advice}}',
    'cited-claim':
      '"{{phrase}}" is an absolute claim ({{promise}}); a source is cited beside it, but no study shows more than it found: hedge the wording to what the source shows and for whom (e.g. "may help", "rarely causes", "helped most people in one trial")',
    phrase: '"{{phrase}}" is a phrase this project does not publish: say what the evidence shows and for whom, and cite the source',
  },
  options: z.strictObject({ phrases: z._default(z.array(z.string().check(z.minLength(1))), []), allow: z._default(z.array(z.string().check(z.minLength(1))), []) }),
  check({ article, config, options, report }) {
    // Spanish pages have phrases of their own (claim-phrases-es.ts); every other page the English ones.
    const own = LANGUAGES[primaryLanguage(articleLanguage(article, config))];
    const extra = phrasePattern(options.phrases);
    const allow = phrasePattern(options.allow);
    for (const block of textBlocks(article)) {
      // A paragraph in English on a Spanish page (a scaffold's, a quotation) is read as English.
      const language = own && !writtenInEnglish(block.text) ? own : ENGLISH;
      const allowed = allow ? [...block.text.matchAll(allow)].map((m) => [m.index, m.index + m[0].length]) : [];
      const overlapsAllowed = (start: number, end: number) => allowed.some(([from, to]) => start < to && from < end);
      const matches: Array<{ m: RegExpExecArray; kind?: string }> = language.claims(block.text).map((m) => ({ m, kind: kindOf(m) }));
      if (extra) matches.push(...[...block.text.matchAll(extra)].map((m) => ({ m })));
      matches.sort((a, b) => a.m.index - b.m.index);
      let cited: boolean | undefined;
      let covered = -1;
      for (const { m, kind } of matches) {
        const start = m.index;
        const end = start + m[0].length;
        // A configured phrase inside a built-in one (or the reverse) is one finding.
        if (start < covered) continue;
        covered = end;
        if (overlapsAllowed(start, end) || qualified(block.text, start, language.qualifiers) || quoted(block.text, start, end) || asked(block.text, end)) continue;
        if (kind !== undefined && LIMITABLE.has(kind) && language.limitedAfter.test(block.text.slice(end, end + 60))) continue;
        if (kind === 'cure' && language.ownBodyBefore?.test(block.text.slice(Math.max(0, start - 40), start))) continue;
        if (DENIED_AFTER.test(block.text.slice(end, end + 60)) || definedTerm(block.text, start, end) || labelledMyth(block.text, start)) continue;
        if (kind === 'certainty' && advice(block.text, start)) continue;
        if (distancedQuotation(block.text, start, end) || promotedAs(block.text, start)) continue;
        if (kind === 'universality' && (nounNotVerb(block.text, start, m[0]) || suitsASchedule(block.text, start))) continue;
        cited ??= CITATION.test(block.raw);
        // "Proven" says the evidence exists: beside a citation the reader (and the editor) can check it.
        if (kind === 'proven' && cited) continue;
        report({ ...finding(m[0].replace(/\s+/g, ' '), kind, cited), at: block.span(start, end) });
      }
    }
  },
});

const LIMITABLE = new Set(['safety', 'universality', 'certainty']);

/** Which message, knowing whether a source is cited beside the words. */
function finding(phrase: string, kind: string | undefined, cited: boolean): { messageId: keyof typeof noAbsoluteClaims.messages; data: Record<string, string> } {
  if (!kind) return { messageId: 'phrase', data: { phrase } };
  const promise = PROMISES[kind];
  if (kind === 'proven') {
    const advice = 'with no source beside it: cite the study in the same sentence or paragraph (a link, a footnote or a reference number), or hedge it (e.g. "may help", "helped some people in trials")';
    return { messageId: 'claim', data: { phrase, promise, advice } };
  }
  if (cited) return { messageId: 'cited-claim', data: { phrase, promise } };
  const advice = 'and no source is cited beside it: hedge it to what the evidence shows and for whom (e.g. "may help", "can reduce", "rarely causes"), or cite the evidence in the same sentence or paragraph';
  return { messageId: 'claim', data: { phrase, promise, advice } };
}

function kindOf(match: RegExpExecArray): string | undefined {
  return Object.keys(KINDS).find((kind) => match.groups?.[kind] !== undefined);
}

/**
 * V8 runs a regular expression's first match as bytecode and compiles machine code at the second,
 * unless the first subject is at least 1,000 characters long: then it compiles machine code at
 * once. For CLAIM_PATTERN (15 KB of source) making the bytecode cost three to five times what the
 * machine code does (40-140 ms against 12-23 ms here, most of a one-file lint's start), so its
 * first run is over a blank line that cannot match.
 */
const MACHINE_CODE_AT_ONCE = ' '.repeat(1000);
let compiled = false;

/** Built-in claims that start at a word boundary. */
function claims(text: string): RegExpExecArray[] {
  if (!compiled) {
    CLAIM_PATTERN.lastIndex = 0;
    CLAIM_PATTERN.exec(MACHINE_CODE_AT_ONCE);
    compiled = true;
  }
  const found: RegExpExecArray[] = [];
  CLAIM_PATTERN.lastIndex = 0;
  for (let match = CLAIM_PATTERN.exec(text); match; match = CLAIM_PATTERN.exec(text)) {
    if (match.index > 0 && WORD_CHAR.test(text[match.index - 1])) {
      CLAIM_PATTERN.lastIndex = match.index + 1;
      continue;
    }
    found.push(match);
  }
  return found;
}

/**
 * What the built-in claims are in a language: its phrases, the words before a phrase that hedge
 * or deny it, the words after it that limit it, and words before a cure that make it the body's
 * own doing ("tu cuerpo eliminará el virus").
 */
interface ClaimLanguage {
  claims(text: string): RegExpExecArray[];
  qualifiers: ReadonlySet<string>;
  limitedAfter: RegExp;
  ownBodyBefore?: RegExp;
}

const ENGLISH: ClaimLanguage = { claims, qualifiers: QUALIFIERS, limitedAfter: LIMITED_AFTER };

/** Words that are English and not Spanish, and words that are Spanish and not English ('no' and 'son' are both, and count for neither). */
const ENGLISH_WORDS = new Set('the and is are it this that with for of to your you our we can will be not'.split(' '));
const SPANISH_WORDS = new Set('el la los las del que y es en un una por para con se su sus lo al'.split(' '));

/** True when more of a block's words are English than Spanish (and some are). */
function writtenInEnglish(text: string): boolean {
  let english = 0;
  let spanish = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (ENGLISH_WORDS.has(word)) english++;
    else if (SPANISH_WORDS.has(word)) spanish++;
  }
  return english > spanish;
}

/** Languages with phrases of their own, by primary subtag; every other page is read as English. */
const LANGUAGES: Record<string, ClaimLanguage> = {
  es: { claims: (text) => [...text.matchAll(CLAIM_PATTERN_ES)], qualifiers: QUALIFIERS_ES, limitedAfter: LIMITED_AFTER_ES, ownBodyBefore: OWN_BODY_BEFORE_ES },
};

/** The start of the sentence holding `index`: just past the last full stop, colon or paragraph break within 200 characters. */
function sentenceStart(text: string, index: number): number {
  const from = Math.max(0, index - 200);
  const before = text.slice(from, index);
  const last = before.split(/[.!?;:](?=\s)|\n\s*\n/).pop() ?? '';
  return index - last.length;
}

/** True when a negation or hedge stands among the few words before `start` in the same sentence. */
function qualified(text: string, start: number, qualifiers: ReadonlySet<string>): boolean {
  const words = text.slice(sentenceStart(text, start), start).toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  const recent = words.slice(-LOOKBACK_WORDS);
  return recent.some((word, i) => {
    if (/n['’]t$/.test(word)) return true;
    if (!qualifiers.has(word)) return false;
    if (!QUANTIFIERS.has(word)) return true;
    const previous = recent[i - 1] ?? words[words.length - recent.length + i - 1];
    return previous !== 'the' && previous !== 'a';
  });
}

/**
 * True when the phrase is a term being defined ("Miracle cure: a phrase used in adverts…"), first on
 * its line and followed by a colon, or stands in the first clause of such a definition.
 */
function definedTerm(text: string, start: number, end: number): boolean {
  // Only the last 200 characters: a term and the opening of its definition are short, and a long line stays linear.
  const window = Math.max(0, start - 200);
  const recent = text.slice(window, start);
  const newline = recent.lastIndexOf('\n');
  if (newline === -1 && window > 0) return false;
  const before = recent.slice(newline + 1);
  if (/^\s*:/.test(text.slice(end, end + 3)) && /^[\s\p{L}'’-]{0,30}$/u.test(before)) return true;
  // Or it stands in the definition itself, the first clause after "Term: a …".
  return GLOSSARY_ENTRY.test(before);
}

/** True when the sentence holding `start` opens with "Myth:" or the like: it states a claim to refute it. */
function labelledMyth(text: string, start: number): boolean {
  const from = Math.max(0, start - 200);
  const before = text.slice(from, start);
  const sentence = before.split(/[.!?](?=\s)|\n\s*\n/).pop() ?? '';
  return MYTH_LABEL.test(sentence);
}

/** True when the sentence says the phrase is how something is marketed ("is marketed as a way to eliminate migraines for good"). */
function promotedAs(text: string, start: number): boolean {
  return PROMOTED_AS.test(text.slice(sentenceStart(text, start), start));
}

/** A determiner just before a word: "the end", "our work", where the word is a noun. */
const DETERMINER_BEFORE = /(?:^|[^\p{L}'’])(?:the|a|an|our|your|their|its|my|his|her)\s+$/iu;
/** Words that open a universality phrase as a verb ("ends", "works", "helps") but are nouns as often. */
const NOUN_OR_VERB = /^(?:end|work|help)\b/i;
/** What a time, date or place "works for everyone" says: it suits them, it promises no outcome. */
const SCHEDULE_BEFORE = /\b(?:times?|dates?|days?|slots?|hours?|schedules?|places?|venues?|locations?)\s+(?:that|which)\s+$/i;

/**
 * True when the phrase opens with "end", "work" or "help" after a determiner: "the end of the year, we
 * reached out to everyone", "the details of our work are helpful for anyone" speak of an end, a
 * piece of work, not of what a treatment does.
 */
function nounNotVerb(text: string, start: number, phrase: string): boolean {
  return NOUN_OR_VERB.test(phrase) && DETERMINER_BEFORE.test(text.slice(Math.max(0, start - 12), start));
}

/** True for "a time that works for everyone": a suitable appointment or date, not a universal result. */
function suitsASchedule(text: string, start: number): boolean {
  return SCHEDULE_BEFORE.test(text.slice(Math.max(0, start - 20), start));
}

/** True when "definitely" follows "should" or "must": "you should definitely stop smoking" advises, it does not promise. */
function advice(text: string, start: number): boolean {
  return ADVICE.test(text.slice(Math.max(0, start - 20), start));
}

/** True when the sentence is a question ("Is there a miracle cure?"): it asks, it does not claim. */
function asked(text: string, end: number): boolean {
  const stop = /[.!?]/.exec(text.slice(end, end + 300));
  return stop?.[0] === '?';
}

/** True when the phrase is quoted as a whole: a mention of the words, not a claim. */
function quoted(text: string, start: number, end: number): boolean {
  return QUOTES.test(text[start - 1] ?? '') && QUOTES.test(text[end] ?? '');
}

/**
 * True when the phrase stands inside a quotation that its sentence, or the one after it, sets at a
 * distance ("Some sites call it 'a natural, completely safe fix'; it is not"). A quotation the
 * article stands behind ("'It is completely safe,' says our pharmacist") is still a claim.
 */
function distancedQuotation(text: string, start: number, end: number): boolean {
  const open = openingQuote(text, start);
  if (open === -1) return false;
  const close = closingQuote(text, end, text[open]);
  if (close === -1) return false;
  const after = text.slice(close + 1, close + 300);
  const next = /^[^.!?]*[.!?]?[^.!?]*/.exec(after)?.[0] ?? '';
  return DISTANCING.test(text.slice(sentenceStart(text, open), open)) || DISTANCING.test(next);
}

/** The opening quotation mark the phrase stands after in its sentence, or -1. */
function openingQuote(text: string, start: number): number {
  const from = sentenceStart(text, start);
  // Most sentences quote nothing: one scan says so.
  if (!/["'“‘]/.test(text.slice(from, start))) return -1;
  for (let i = start - 1; i >= from; i--) {
    const c = text[i];
    // A quotation mark opens at the start of a word: the ’ of "it’s" and the ' of "patients'" do not.
    if ('“"‘\''.includes(c) && opensAt(text, i)) return i;
    if (c === '”' || ((c === '’' || c === '"') && !WORD_CHAR.test(text[i + 1] ?? ''))) return -1;
  }
  return -1;
}

function opensAt(text: string, i: number): boolean {
  return !WORD_CHAR.test(text[i - 1] ?? '') && /\S/.test(text[i + 1] ?? '');
}

const CLOSES: Record<string, string> = { '“': '”', '‘': '’', '"': '"', "'": "'" };

/** The quotation mark after `end`, within the paragraph, that closes one opened with `open`, or -1. */
function closingQuote(text: string, end: number, open: string): number {
  const single = open === '‘' || open === "'";
  for (let i = end; i < Math.min(text.length, end + 300); i++) {
    const c = text[i];
    if (c === '\n' && text[i + 1] === '\n') return -1;
    const closes = single ? c === '’' || c === "'" : c === CLOSES[open] || c === '"' || c === '”';
    if (closes && !WORD_CHAR.test(text[i + 1] ?? '')) return i;
  }
  return -1;
}

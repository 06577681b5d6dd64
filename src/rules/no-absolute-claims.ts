import type { Rule } from './types.js';
import { phrasePattern } from './util/phrase-pattern.js';
import { textBlocks } from './util/text-blocks.js';

const CONDITION = String.raw`(?:[a-z]+(?:itis|osis|emia|algia|pathy|oma|ache|aches|pain)|pain|cancers?|diabetes|asthma|acne|eczema|psoriasis|insomnia|depression|anxiety|migraines?|headaches?|infections?|diseases?|disorders?|conditions?|illness(?:es)?|symptoms?|obesity|autism|dementia)`;

/**
 * Phrases that promise an outcome. A negation or hedge just before one ("there is no miracle
 * cure", "most people have no side effects") turns it into a mention, which passes.
 */
const CLAIMS = [
  // Curing as a verb: "cures arthritis", "will cure your back pain"; the noun ("no cure exists") is not a claim.
  String.raw`cures\s+(?!(?:for|are|were|and|or|of|from|that|which|exists?|in|to|is|was|have|had|like|such|as|than|on|with)\b)(?:your|you|it|them|all|any|every|everything|the|this|these|(?:[a-z'-]+\s+){0,2}${CONDITION})`,
  String.raw`(?:(?:you|we|it|they|this|that)['’]ll|will|can|does|do|shall|proven\s+to|guaranteed\s+to|shown\s+to|known\s+to|able\s+to|promises?\s+to|promised\s+to|going\s+to)\s+cure`,
  String.raw`cure\s+(?:your|you|it|them|all|any|every|everything)`,
  String.raw`cure[- ]alls?|panaceas?`,
  String.raw`miracle\s+(?:cures?|treatments?|remed(?:y|ies)|drugs?|pills?|supplements?|fix(?:es)?|therap(?:y|ies)|diets?|products?|workers?)|miraculous\s+(?:cures?|recovery|results?|healing)`,
  String.raw`guaranteed\s+(?:relief|results?|cures?|recovery|success|weight\s+loss|to\s+(?:work|cure|heal|help|fix|relieve|improve|eliminate|reduce|stop|end|succeed))|guarantees?\s+(?:relief|results?|a\s+cure|recovery|success)`,
  String.raw`100\s*(?:%|percent|per\s+cent)\s+(?:effective|safe|successful|success|guaranteed|cure|reliable|risk[- ]free|of\s+(?:patients|people|cases|users|the\s+time))`,
  String.raw`(?:no|zero|without(?:\s+any)?|free\s+(?:of|from)(?:\s+any)?)\s+(?:harmful\s+|unwanted\s+|known\s+|negative\s+)?side[- ]effects?|side[- ]effects?[- ]free`,
  String.raw`(?:completely|totally|perfectly|entirely|absolutely|utterly)\s+(?:safe|harmless|risk[- ]free)`,
  String.raw`risk[- ]free|zero\s+risk|without\s+any\s+risks?`,
  String.raw`exponentially\s+(?:increas|improv|boost|rais|reduc|lower|better|enhanc|grow|speed|accelerat|multipl)\w*`,
  String.raw`permanent\s+(?:cures?|relief|fix(?:es)?|solutions?|results?)|permanently\s+(?:cur|fix|eliminat|reliev|heal|end|get\s+rid\s+of)\w*`,
  String.raw`instant\s+(?:relief|cures?|results?|fix(?:es)?|recovery|healing)|instantly\s+(?:reliev|cur|heal|fix|eliminat|remov|stop)\w*`,
  String.raw`always\s+works?|works?\s+every\s+time|never\s+fails?|(?:can't|can’t|cannot|can\s+not)\s+fail|fool-?proof`,
  String.raw`(?:clinically\s+)?proven\s+to\s+(?:heal|eliminate|reverse|work)`,
  String.raw`(?:eliminat(?:e|es|ed|ing)|cur(?:e|es|ed)|banish(?:es|ed)?|gets?\s+rid\s+of|ends?|stops?|erases?|removes?|heals?|relieves?)\s+(?:[a-z\u00c0-\u024f'’-]+\s+){0,4}?forever|gone\s+forever`,
];

// No leading look-behind and no Unicode mode: both slow the scan of every position down. The phrases
// are ASCII; a match that starts inside a word is skipped in code.
const CLAIM_PATTERN = new RegExp(`\\b(?:${CLAIMS.join('|')})(?![a-z0-9_\\u00c0-\\u024f])`, 'gi');
const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** Words that, shortly before a phrase in the same sentence, make it a denial, a hedge or a mention. */
const QUALIFIERS = new Set(
  (
    'no not never nothing none nor neither nobody without cannot hardly rarely seldom unlikely ' +
    'few most many some usually often sometimes may might if whether ' +
    'myth myths claim claims claimed claiming promise promises promising beware wary avoid sceptical skeptical ' +
    'suspicious false falsely misleading so-called'
  ).split(' '),
);
/** Quantifiers that hedge only as quantifiers: "most people" does, "the most effective" does not. */
const QUANTIFIERS = new Set(['few', 'most', 'many', 'some']);
const LOOKBACK_WORDS = 8;
const QUOTES = /["'“”‘’]/;

/** Flags absolute health claims ("a miracle cure", "100% effective"), not denials or hedged mentions of them. */
export const noAbsoluteClaims: Rule = {
  id: 'no-absolute-claims',
  description: 'No absolute health claims ("cures arthritis", "miracle cure", "100% effective", "no side effects"); denials and hedges pass',
  severity: 'warn',
  messages: {
    claim: 'an absolute claim promises an outcome no treatment can promise',
    phrase: 'a phrase configured in the `phrases` option',
  },
  defaultOptions: { phrases: [], allow: [] },
  check({ article, options, report }) {
    const extra = phrasePattern(options.phrases);
    const allow = phrasePattern(options.allow);
    for (const block of textBlocks(article)) {
      const allowed = allow ? [...block.text.matchAll(allow)].map((m) => [m.index, m.index + m[0].length]) : [];
      const overlapsAllowed = (start: number, end: number) => allowed.some(([from, to]) => start < to && from < end);
      const matches = claims(block.text).map((m) => ({ m, messageId: 'claim' }));
      if (extra) matches.push(...[...block.text.matchAll(extra)].map((m) => ({ m, messageId: 'phrase' })));
      matches.sort((a, b) => a.m.index - b.m.index);
      let covered = -1;
      for (const { m, messageId } of matches) {
        const start = m.index;
        const end = start + m[0].length;
        // A configured phrase inside a built-in one (or the reverse) is one finding.
        if (start < covered) continue;
        covered = end;
        if (overlapsAllowed(start, end) || qualified(block.text, start) || quoted(block.text, start, end) || asked(block.text, end)) continue;
        const phrase = m[0].replace(/\s+/g, ' ');
        const endPlace = block.endPlace(end);
        report({
          messageId,
          message: `"${phrase}" is an absolute claim: say what the evidence shows and for whom (e.g. "may help", "can reduce"), and cite the source`,
          ...block.place(start),
          endLine: endPlace.line,
          endColumn: endPlace.column,
        });
      }
    }
  },
};

/** Built-in claims that start at a word boundary. */
function claims(text: string): RegExpExecArray[] {
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

/** True when a negation or hedge stands among the few words before `start` in the same sentence. */
function qualified(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 200), start);
  const sentence = before.split(/[.!?;:](?=\s)|\n\s*\n/).pop() ?? '';
  const words = sentence.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  const recent = words.slice(-LOOKBACK_WORDS);
  return recent.some((word, i) => {
    if (/n['’]t$/.test(word)) return true;
    if (!QUALIFIERS.has(word)) return false;
    if (!QUANTIFIERS.has(word)) return true;
    const previous = recent[i - 1] ?? words[words.length - recent.length + i - 1];
    return previous !== 'the' && previous !== 'a';
  });
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

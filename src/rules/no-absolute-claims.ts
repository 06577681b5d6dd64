import * as z from 'zod/mini';
import { defineRule } from './types.js';
import { leadingWords, prefixTree } from './util/leading-words.js';
import { phrasePattern } from './util/phrase-pattern.js';
import { textBlocks } from './util/text-blocks.js';

const CONDITION = String.raw`(?:[a-z]+(?:itis|osis|emia|algia|pathy|oma|ache|aches|pain)|pain|cancers?|diabetes|asthma|acne|eczema|psoriasis|insomnia|depression|anxiety|migraines?|headaches?|infections?|diseases?|disorders?|conditions?|illness(?:es)?|symptoms?|obesity|autism|dementia|flu|influenza|colds?|covid(?:-19)?|coronavirus|ptsd|ibs|gout|fatigue|trauma|rash(?:es)?|warts?|ulcers?|wounds?|allerg(?:y|ies))`;

/** What a treatment is said to do, in the forms a promise takes ("will definitely reduce", "is guaranteed to help"). */
const OUTCOME = String.raw`(?:work|cure|heal|help|reduce|relieve|improve|stop|prevent|eliminate|end|fix|protect|lower|boost|clear|restore|kill|shorten|ease|treat|reverse|beat|get\s+rid\s+of|make\s+you|succeed|remove|strengthen|speed\s+up|give\s+you|get\s+you|raise|replace|bring|feel\s+(?:better|the\s+difference|relief|results?))`;
/** The third person of an outcome verb ("definitely works"): a statement about a product, where "definitely stop" is advice. */
const OUTCOME_S = String.raw`(?:works|cures|heals|helps|reduces|relieves|improves|stops|prevents|eliminates|ends|fixes|protects|lowers|boosts|clears|restores|kills|shortens|eases|treats|reverses|beats|gets\s+rid\s+of|makes\s+you|succeeds|removes|strengthens|speeds\s+up|gives\s+you|raises|feels\s+(?:better|the\s+difference))`;
const REMEDY = String.raw`(?:treatments?|cures?|remed(?:y|ies)|therap(?:y|ies)|medicines?|medications?|drugs?|solutions?|answers?|options?|supplements?|products?)`;
const EVERY = String.raw`(?:every(?:one|body)|any(?:one|body)|all\s+(?:[a-z]+\s+)?(?:patients|people|adults|children|babies|women|men|diabetics|sufferers|users|customers|ages|types|kinds|forms|viruses|bacteria|infections|cases|conditions|diseases|illnesses|variants|strains|(?:skin|body)\s+types)|every\s+(?:single\s+)?(?:[a-z]+\s+)?(?:patient|person|case|virus|infection|type|kind|one|illness|disease|condition|user|customer|variant|strain|child|baby|adult|woman|man|sufferer|diabetic)|(?:one\s+hundred|100)\s*(?:%|percent|per\s+cent)\s+of\s+(?:patients|people|cases|users))`;
/** A verb or adjective that says what a treatment does or is, before "in every patient", "for all ages". */
const CLAIM_WORD = String.raw`(?:${OUTCOME_S}|${OUTCOME}|normali[sz]es?|resolves?|reverses?|rebuilds?|restores?|regrows?|halts?|happens?|painless|safe|harmless|effective|suitable)`;
/** Being free of an illness or its harms: "pain-free", "disease-free". */
const ILL_FREE = String.raw`(?:pain|symptom|disease|illness|infection|complication|relapse|migraine|headache|cancer)[- ]free`;
/** A word in between, within the clause; not a negation or hedge ("works for one person but may not work for everyone"). */
const FEW_WORDS = String.raw`(?:(?!(?:not|no|never|may|might|could|[a-z]+n['’]t)\b)[a-z0-9'’-]+,?\s+)`;

/**
 * Phrases that promise an outcome, by the kind of promise (each a named group, so the message can
 * say which). A negation or hedge just before one ("there is no miracle cure", "most people have no
 * side effects") turns it into a mention, which passes.
 */
const KINDS: Record<string, string[]> = {
  cure: [
    // Curing as a verb: "cures arthritis", "will cure your back pain"; the noun ("no cure exists") is not a claim.
    String.raw`cures\s+(?!(?:for|are|were|and|or|of|from|that|which|exists?|in|to|is|was|have|had|like|such|as|than|on|with)\b)(?:your|you|it|them|all|any|every|everything|the|this|these|(?:[a-z'-]+\s+){0,2}${CONDITION})`,
    String.raw`(?:(?:you|we|it|they|this|that)['’]ll|will|can|does|do|shall|guaranteed\s+to|known\s+to|able\s+to|promises?\s+to|promised\s+to|going\s+to)\s+cure`,
    String.raw`cure\s+(?:your|you|it|them|all|any|every|everything)`,
    String.raw`cure[- ]alls?|panaceas?`,
    String.raw`miracle\s+(?:cures?|treatments?|remed(?:y|ies)|drugs?|pills?|supplements?|fix(?:es)?|therap(?:y|ies)|diets?|products?|workers?)|miraculous\s+(?:cures?|recovery|results?|healing)`,
    String.raw`permanent\s+(?:cures?|relief|fix(?:es)?|solutions?|results?)|permanently\s+(?:cur|fix|eliminat|reliev|heal|end|get\s+rid\s+of)\w*`,
    String.raw`(?:eliminat(?:e|es|ed|ing)|cur(?:e|es|ed)|banish(?:es|ed)?|gets?\s+rid\s+of|ends?|stops?|erases?|removes?|heals?|relieves?|revers(?:e|es|ed)|halts?|vanish(?:es)?|disappears?|go(?:es)?\s+away)\s+(?:[a-z\u00c0-\u024f'’-]+\s+){0,4}?(?:forever|for\s+good|permanently|once\s+and\s+for\s+all)|gone\s+forever`,
    String.raw`permanently\s+(?:halt|stop|revers|remov|restor|banish)\w*`,
    // Undoing damage a body does not undo: "rebuilds worn cartilage", "regrows a new knee joint".
    String.raw`(?:rebuilds?|regrows?|regenerates?)\s+${FEW_WORDS}{0,3}?(?:cartilage|joints?|bones?|nerves?|tissue|teeth|knees?|hips?|discs?|organs?)`,
    String.raw`(?:wipes?|wiped|knocks?)\s+out\s+${FEW_WORDS}{0,2}?${CONDITION}`,
    String.raw`(?:will|['’]ll|to)\s+be\s+(?:gone|cured|${ILL_FREE})|(?:leaves?|leaving|makes?|keeps?)\s+(?:you|patients|them|people)\s+${ILL_FREE}|(?:leaves?|left|go(?:es)?\s+home)\s+${FEW_WORDS}{0,3}?${ILL_FREE}`,
    String.raw`(?:makes?|making|will\s+(?:soon\s+)?(?:be|become))\s+${FEW_WORDS}{0,4}?a\s+thing\s+of\s+the\s+past|becomes?\s+a\s+thing\s+of\s+the\s+past\s+for`,
    String.raw`eliminat(?:e|es)\s+the\s+need\s+for`,
    String.raw`nothing\s+${FEW_WORDS}{0,3}?(?:cannot|can['’]t|won['’]t)\s+(?:treat|cure|fix|heal|help)`,
  ],
  certainty: [
    String.raw`(?:will|would|does|is\s+going\s+to|are\s+going\s+to)\s+(?:definitely|certainly|surely|undoubtedly|absolutely|100\s*%)\s+(?:never\s+)?${OUTCOME}|(?:definitely|certainly|surely)\s+never\s+(?:need|have|get|feel|suffer|catch)`,
    // A future the reader is promised: "you will never need insulin again", "will never have another attack".
    String.raw`(?:will|['’]ll|are\s+guaranteed)\s+never\s+(?:again\s+)?(?:need\s+(?!to\b)[a-z]+|have\s+(?!to\b)[a-z]+|get|feel|suffer|catch|experience|develop)|(?:will|['’]ll)\s+never\s+${FEW_WORDS}{1,6}?again`,
    String.raw`will\s+(?:always|never\s+fail\s+to)\s+(?:${OUTCOME})`,
    String.raw`(?:will|['’]ll)\s+(?:stop|end|cure|eliminate|clear|heal|reverse|protect|prevent|get\s+rid\s+of)\s+${FEW_WORDS}{0,4}?(?:completely|entirely|totally)|(?:stops|ends|cures|eliminates|heals|reverses|protects|prevents|gets\s+rid\s+of)\s+${FEW_WORDS}{0,4}?(?:completely|entirely|totally)`,
    String.raw`(?:guarantees?|guaranteed|promises?)\s+(?:that\s+)?(?:you|it|they|we|(?:your|their|the)\s+(?:[a-z'’-]+\s+){0,2}?[a-z'’-]+)\s+(?:will|['’]ll|won['’]t|can|never)|we\s+promise\s+(?:that\s+)?you|(?:that|this)(?:['’]s|\s+is)\s+(?:a|our)\s+promise`,
    String.raw`guaranteed\s+(?:never\s+)?to\s+(?!be\b)[a-z]+|guarantees?\s+(?:a\s+|you\s+(?:a\s+)?)?(?:perfect|total|complete|full|lasting|permanent|instant)\s+[a-z]+|ensures?\s+(?:a\s+|you\s+(?:a\s+)?)?(?:full|complete|total|perfect|permanent|lasting|quick|speedy|rapid|instant)\s+(?:recovery|relief|cure|results?|healing|control)`,
    String.raw`can\s+(?:now\s+)?be\s+(?:certain|sure|confident)\s+(?:that\s+)?(?:you|your|it|they|their|the)\s+[^.;!?]{0,40}?(?:will|won['’]t)\b`,
    String.raw`without\s+(?:question|(?:a|any)\s+doubt)|beyond\s+(?:any\s+|all\s+|a\s+)?doubt|sure[- ]?fire`,
    String.raw`(?:is|are|becomes?)\s+(?:simply\s+|just\s+|now\s+)?impossible(?=\s*[.!,;])`,
    String.raw`(?:complications|side\s+effects|infections?|relapses?|problems)\s+(?:simply\s+|just\s+)?never\s+(?:happen|occur|arise|come\s+back|return)|never\s+(?:failed|wears?\s+out|lets?\s+you\s+down)|lasts?\s+(?:a\s+)?(?:lifetime|forever)`,
    // "restores full movement to even the most damaged hips, without fail"; "take it daily without fail" is advice.
    String.raw`${OUTCOME_S}[^.;!?]{0,60}?without\s+fail`,
    // The base form ("probiotics definitely cure") is advice after should or must; `advice` skips it there.
    String.raw`(?:definitely|certainly|undoubtedly)\s+(?:${OUTCOME_S}|${OUTCOME})`,
    String.raw`(?:results?|relief|recovery|success)\s+(?:(?:is|are)\s+)?guaranteed`,
    String.raw`guaranteed\s+(?:relief|results?|cures?|recovery|success|weight\s+loss|to\s+(?:${OUTCOME}|be\s+(?:safe|effective)))|guarantees?\s+(?:relief|results?|a\s+cure|recovery|success)`,
    String.raw`(?:is|are|remedy|cure|treatment|product|thing|one)\s+(?:sure|certain|bound)\s+to\s+${OUTCOME}`,
    String.raw`(?:100|one\s+hundred)\s*(?:%|percent|per\s+cent)\s+(?:effective|successful|success|guaranteed|cure|reliable|accurate|certain|sure|of\s+(?:patients|people|cases|users|the\s+time))`,
    String.raw`always\s+(?:works?|cures?|heals?)|works?\s+every\s+(?:single\s+)?time|every\s+single\s+time|never\s+fails?|(?:can't|can’t|cannot|can\s+not)\s+fail|fool-?proof`,
    String.raw`exponentially\s+(?:increas|improv|boost|rais|reduc|lower|better|enhanc|grow|speed|accelerat|multipl)\w*`,
    String.raw`instant,?\s+(?:(?:and\s+)?(?:total|complete|full|lasting|permanent),?\s+)?(?:relief|cures?|results?|fix(?:es)?|recovery|healing)|instantly\s+(?:reliev|cur|heal|fix|eliminat|remov|stop)\w*`,
  ],
  exclusivity: [
    // "the only treatment for", "only one existing treatment for X: Y"; "the only treatment room" is not.
    String.raw`only\s+(?:one\s+)?(?:(?:existing|known|real|true|effective|proven|reliable|safe|natural|working|available|possible)\s+)?${REMEDY}(?=\s+(?:for|that|which|against|to|is|are|you|we|proven|anyone|everyone|people|patients)\b|\s*[:—–])`,
    String.raw`the\s+(?:one|single)\s+(?:(?:existing|known|real|true|effective|proven|reliable|safe|natural)\s+)?${REMEDY}(?=\s+(?:for|that|which|against|to|sure|guaranteed|you|we|proven)\b)`,
    String.raw`no\s+other\s+(?:${REMEDY}|pills?|methods?|approach|clinic)\s+${FEW_WORDS}{0,4}?(?:can|will|comes?\s+close|works?|does)\b`,
    String.raw`only\s+(?:thing|way|one|product)\s+that\s+(?:really\s+|truly\s+|actually\s+)?${OUTCOME_S}|only\s+way\s+to\s+(?:cure|heal|beat|treat|get\s+rid\s+of|fix|stop|end)`,
    String.raw`nothing\s+else\s+${FEW_WORDS}{0,5}?(?:works|helps|comes?\s+close)`,
  ],
  universality: [
    String.raw`(?:works?|worked|working|effective|helps?|helped|successful)\s+(?:for|against|on|with|in)\s+${EVERY}`,
    String.raw`(?:helps?|helped|suits?|heals?|cures?|benefits?)\s+(?:every(?:one|body)|any(?:one|body)|all\s+patients)`,
    String.raw`(?:cures?|heals?|prevents?|kills?|removes?|eliminates?|destroys?|stops?|ends?|reverses?|flush(?:es)?(?:\s+out)?|catches|detects|finds|spots|protects?\s+(?:you\s+)?against)\s+(?:every\s+(?:single\s+)?|all\s+(?:kinds?\s+of\s+|types?\s+of\s+|forms?\s+of\s+)?)${FEW_WORDS}{0,2}?(?:${CONDITION}|viruses?|virus|bacteria|germs?|bugs?|toxins?|illness(?:es)?|ailments?|infections?|injur(?:y|ies)|attacks?|kinds?|types?)`,
    String.raw`(?:cures?|heals?)\s+any\s+${FEW_WORDS}{0,2}?(?:${CONDITION}|injur(?:y|ies)|ailments?|problems?)`,
    // The same result in every case: "reverses the condition in every patient", "prevent blood clots in all cases".
    String.raw`${CLAIM_WORD}\s+${FEW_WORDS}{0,6}?(?:in|for|with|to)\s+${EVERY}`,
    String.raw`every\s+(?:single\s+)?(?:patient|person|child|sufferer|user|customer)\s+${FEW_WORDS}{0,4}?${ILL_FREE}`,
    String.raw`(?:immune|invulnerable)\s+to\s+(?:all|every|any)\b|invulnerable|without\s+(?:a\s+single\s+|any\s+)?exception`,
  ],
  safety: [
    String.raw`(?:no|zero|without(?:\s+any)?|free\s+(?:of|from)(?:\s+any)?)\s+(?:harmful\s+|unwanted\s+|known\s+|negative\s+)?side[- ]effects?|side[- ]effects?[- ]free`,
    String.raw`(?:completely|totally|perfectly|entirely|absolutely|utterly|100\s*(?:%|percent|per\s+cent))\s+(?:safe|harmless|risk[- ]free|non[- ]toxic)`,
    String.raw`risk[- ]free|zero\s+risk|without\s+(?:any\s+)?risks?|free\s+(?:of|from)\s+(?:all\s+|any\s+)?(?:risks?|danger)`,
    String.raw`(?:no|zero)\s+chance\s+of\s+(?:infection|complications?|side\s+effects?|relapse|harm|problems?|failure|recurrence)|with\s+no\s+downsides?|no\s+downsides?\s+(?:at\s+all|whatsoever)`,
    String.raw`(?:safe|harmless)\s+even\s+(?:for|in|during|when|with)|nothing\s+${FEW_WORDS}{0,5}?(?:could|can|will|would)\s+(?:ever\s+)?(?:harm|hurt)\s+you`,
    String.raw`no\s+(?:risks?|danger|complications|side\s+effects|pain|problems)\s+(?:at\s+all|whatsoever)|(?:absolutely|completely|totally)\s+no\s+(?:risks?|danger)|(?:poses?|carr(?:y|ies))\s+no\s+(?:risks?|danger)`,
    String.raw`(?:know|known|knew)\s+(?:[a-z-]+\s+){0,3}?to\s+be\s+(?:(?:completely|perfectly|totally|entirely)\s+)?(?:safe|harmless)`,
    String.raw`(?:safe|harmless)\s+for\s+${EVERY}|(?:cannot|can't|can’t|will\s+never|would\s+never|could\s+never)\s+(?:harm|hurt)\s+you`,
  ],
  // A claim that the evidence is settled: acceptable where the evidence is cited next to it.
  proven: [String.raw`shown\s+to\s+cure|(?:clinically\s+|scientifically\s+)?proven\s+(?:to\s+(?:heal|eliminate|reverse|work|cure|be\s+safe|be\s+effective)|safe|effective)|proven\s+beyond\s+(?:any\s+|all\s+)?doubt`],
};

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
// alternatives themselves would each be tried (a third of the time on 8 MB of articles).
const PHRASES = Object.values(KINDS).flat();
const CLAIM_PATTERN = new RegExp(
  `\\b(?=${prefixTree(PHRASES.flatMap(leadingWords))})(?:${Object.entries(KINDS)
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
    'No absolute health claims (cures, certainty, "the only treatment", "works for everyone", "completely safe"); denials, hedges and doubted quotations pass, and "proven" passes beside a citation',
  severity: 'warning',
  messages: {
    claim: '"{{phrase}}" is an absolute claim ({{promise}}) {{advice}}',
    'cited-claim':
      '"{{phrase}}" is an absolute claim ({{promise}}); a source is cited beside it, but no study shows more than it found: hedge the wording to what the source shows and for whom (e.g. "may help", "rarely causes", "helped most people in one trial")',
    phrase: '"{{phrase}}" is a phrase this project does not publish: say what the evidence shows and for whom, and cite the source',
  },
  options: z.strictObject({ phrases: z._default(z.array(z.string().check(z.minLength(1))), []), allow: z._default(z.array(z.string().check(z.minLength(1))), []) }),
  check({ article, options, report }) {
    const extra = phrasePattern(options.phrases);
    const allow = phrasePattern(options.allow);
    for (const block of textBlocks(article)) {
      const allowed = allow ? [...block.text.matchAll(allow)].map((m) => [m.index, m.index + m[0].length]) : [];
      const overlapsAllowed = (start: number, end: number) => allowed.some(([from, to]) => start < to && from < end);
      const matches: Array<{ m: RegExpExecArray; kind?: string }> = claims(block.text).map((m) => ({ m, kind: kindOf(m) }));
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
        if (overlapsAllowed(start, end) || qualified(block.text, start) || quoted(block.text, start, end) || asked(block.text, end)) continue;
        if (kind !== undefined && LIMITABLE.has(kind) && LIMITED_AFTER.test(block.text.slice(end, end + 60))) continue;
        if (DENIED_AFTER.test(block.text.slice(end, end + 60)) || definedTerm(block.text, start, end) || labelledMyth(block.text, start)) continue;
        if (kind === 'certainty' && advice(block.text, start)) continue;
        if (distancedQuotation(block.text, start, end) || promotedAs(block.text, start)) continue;
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

/** The start of the sentence holding `index`: just past the last full stop, colon or paragraph break within 200 characters. */
function sentenceStart(text: string, index: number): number {
  const from = Math.max(0, index - 200);
  const before = text.slice(from, index);
  const last = before.split(/[.!?;:](?=\s)|\n\s*\n/).pop() ?? '';
  return index - last.length;
}

/** True when a negation or hedge stands among the few words before `start` in the same sentence. */
function qualified(text: string, start: number): boolean {
  const words = text.slice(sentenceStart(text, start), start).toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];
  const recent = words.slice(-LOOKBACK_WORDS);
  return recent.some((word, i) => {
    if (/n['’]t$/.test(word)) return true;
    if (!QUALIFIERS.has(word)) return false;
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

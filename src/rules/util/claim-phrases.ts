import { leadingWords, prefixTree } from './leading-words.js';

// The phrases no-absolute-claims looks for, apart from the rule, so that the bundle can read the
// words they start with as it is made (scripts/bundle.mjs) instead of at every start.

const CONDITION = String.raw`(?:[a-z]+(?:itis|osis|emia|algia|pathy|oma|ache|aches|pain)|pain|cancers?|diabetes|asthma|acne|eczema|psoriasis|insomnia|depression|anxiety|migraines?|headaches?|infections?|diseases?|disorders?|conditions?|illness(?:es)?|symptoms?|obesity|autism|dementia|flu|influenza|colds?|covid(?:-19)?|coronavirus|ptsd|ibs|gout|fatigue|trauma|rash(?:es)?|warts?|ulcers?|wounds?|allerg(?:y|ies)|sciatica|hypertension|epilepsy|tinnitus|vertigo|constipation|diarrh(?:o)?ea|reflux|heartburn|nausea|lupus|herpes|hiv|adhd|schizophrenia|addictions?|alcoholism|infertility|impotence|baldness|cellulite|wrinkles|parkinson['’]?s|alzheimer['’]?s)`;

/** What a treatment is said to do, in the forms a promise takes ("will definitely reduce", "is guaranteed to help"). */
const OUTCOME = String.raw`(?:work|cure|heal|help|reduce|relieve|improve|stop|prevent|eliminate|end|fix|protect|lower|boost|clear|restore|kill|shorten|ease|treat|reverse|beat|get\s+rid\s+of|make\s+you|succeed|remove|strengthen|speed\s+up|give\s+you|get\s+you|raise|replace|bring|feel\s+(?:better|the\s+difference|relief|results?))`;
/** The third person of an outcome verb ("definitely works"): a statement about a product, where "definitely stop" is advice. */
const OUTCOME_S = String.raw`(?:works|cures|heals|helps|reduces|relieves|improves|stops|prevents|eliminates|ends|fixes|protects|lowers|boosts|clears|restores|kills|shortens|eases|treats|reverses|beats|gets\s+rid\s+of|makes\s+you|succeeds|removes|strengthens|speeds\s+up|gives\s+you|raises|feels\s+(?:better|the\s+difference))`;
const REMEDY = String.raw`(?:treatments?|cures?|remed(?:y|ies)|therap(?:y|ies)|medicines?|medications?|drugs?|solutions?|answers?|options?|supplements?|products?)`;
/** What a treatment is said to make needless: a medicine, an operation, a device, further care. */
const CARE = String.raw`(?:${REMEDY}|painkillers?|pain\s+relief|surger(?:y|ies)|operations?|insulin|inhalers?|injections?|pills?|tablets?|antibiotics?|steroids?|antidepressants?|chemo(?:therapy)?|radiotherapy|dialysis|transplants?|replacements?|glasses|contact\s+lenses|hearing\s+aids?|physio(?:therapy)?|prescriptions?)`;
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
export const KINDS: Record<string, string[]> = {
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
    // Only a need for care: "eliminates the need for a phone call" promises nothing about health.
    String.raw`eliminat(?:e|es)\s+(?:all\s+)?(?:the\s+|your\s+|any\s+)?need\s+for\s+(?:[a-z'’-]+\s+){0,3}?${CARE}`,
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

/**
 * A pattern that matches where one of the phrases can start (see leadingWords). Reading it from
 * the phrases takes 20-45 ms at a cold start, most of a one-file lint's margin, so the bundle
 * holds it ready: HEALTHMD_CLAIM_STARTS, set by scripts/bundle.mjs from this same function.
 */
export function claimStarts(): string {
  return prefixTree(Object.values(KINDS).flat().flatMap(leadingWords));
}

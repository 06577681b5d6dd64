/**
 * Absolute health claims in Spanish, by kind (the same kinds as the English phrases in
 * claim-phrases.ts): the forms Spanish health marketing uses ("cura el asma", "remedio milagroso",
 * "100 % eficaz", "sin efectos secundarios", "funciona para todo el mundo"), kept narrow so that a
 * page about the illness itself ("no hay cura", "la cura del asma") is never reported.
 */
const ARTICLE = String.raw`(?:el|la|los|las|tu|tus|su|sus)`;
const CONDITION = String.raw`(?:dolor(?:es)?|s[ií]ntomas?|asma|alergias?|enfermedad(?:es)?|infecci[oó]n(?:es)?|migra[ñn]as?|ansiedad|depresi[oó]n|diabetes|c[aá]ncer|tos|acn[eé]|virus|bacterias|insomnio|artritis|hipertensi[oó]n|obesidad|estr[eé]s|rinitis|eccema|psoriasis)`;
const ALL_OF_THEM = String.raw`(?:todo\s+el\s+mundo|todas?\s+las\s+personas|todos\s+los\s+(?:pacientes|casos|ni[ñn]os|adultos|tipos)|cualquier\s+persona|cualquiera)`;
const HUNDRED = String.raw`(?:100\s*%|cien\s+por\s+(?:cien|ciento))`;

export const KINDS_ES: Record<string, string[]> = {
  cure: [
    String.raw`cura(?:n|r[aá]n?)?\s+(?:definitivamente\s+|por\s+completo\s+|para\s+siempre\s+)?${ARTICLE}\s+${CONDITION}`,
    String.raw`(?:elimina(?:n|r[aá]n?)?|acaba(?:n|r[aá]n?)?\s+con|erradica(?:n|r[aá]n?)?)\s+(?:por\s+completo\s+|para\s+siempre\s+|definitivamente\s+|de\s+ra[ií]z\s+)?${ARTICLE}\s+${CONDITION}(?:\s+para\s+siempre)?`,
    String.raw`(?:remedios?|curas?|tratamientos?)\s+milagros[oa]s?|milagros[oa]s?\s+(?:remedios?|curas?|tratamientos?)`,
  ],
  certainty: [
    String.raw`(?:te|le|les|os)\s+garantiza(?:mos|n)?\s+(?:que|resultados|la\s+curaci[oó]n)|resultados\s+garantizados|(?:curaci[oó]n|mejor[ií]a|alivio)\s+garantizad[oa]`,
    String.raw`${HUNDRED}\s+(?:eficaz|efectiv[oa]s?|de\s+eficacia)`,
    String.raw`funciona\s+siempre|siempre\s+funciona|nunca\s+falla`,
  ],
  exclusivity: [String.raw`(?:el|la)\s+[uú]nic[oa]\s+(?:tratamiento|remedio|cura|soluci[oó]n)\s+(?:que\s+funciona|eficaz|efectiv[oa]|real)`],
  universality: [String.raw`(?:funciona|sirve|es\s+eficaz|es\s+efectiv[oa]|es\s+segur[oa])\s+(?:para|en|con)\s+${ALL_OF_THEM}`],
  safety: [
    String.raw`(?:completamente|totalmente|${HUNDRED})\s+(?:segur[oa]s?|inocu[oa]s?|inofensiv[oa]s?)`,
    String.raw`(?:sin|no\s+tiene)\s+(?:ning[uú]n\s+(?:tipo\s+de\s+)?)?(?:efectos?\s+(?:secundarios|adversos)|contraindicaciones)`,
  ],
  proven: [String.raw`(?:cient[ií]ficamente|cl[ií]nicamente)\s+(?:probad[oa]s?|demostrad[oa]s?|comprobad[oa]s?)|(?:probad[oa]s?|demostrad[oa]s?)\s+(?:cient[ií]ficamente|cl[ií]nicamente)`],
};

/** Words before a claim, in its sentence, that deny or hedge it: "no siempre funciona", "puede ser completamente seguro". */
export const QUALIFIERS_ES = new Set(
  (
    'no ni nunca jamás nada ninguno ninguna ningún nadie apenas raramente rara improbable pocos pocas mayoría muchos muchas ' +
    'algunos algunas algún alguna suele suelen normalmente generalmente habitualmente puede pueden podría podrían quizá quizás ' +
    'si aunque veces casi dicen promete prometen afirma afirman supuestamente mito'
  ).split(' '),
);

/** One pattern for all kinds, each a named group, matched case-insensitively at word starts. */
export const CLAIM_PATTERN_ES = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${Object.entries(KINDS_ES)
    .map(([kind, phrases]) => `(?<${kind}>${phrases.join('|')})`)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Just after a claim of safety, certainty or the same result for all, a limit takes it back: "sin efectos secundarios graves". */
export const LIMITED_AFTER_ES = /^[^.!?;]{0,40}?(?<![\p{L}])(?:graves|importantes|conocid[oa]s|en\s+la\s+mayor[ií]a|en\s+muchos|normalmente|generalmente|si\s+se\s+(?:usa|toma)|seg[uú]n\s+las\s+indicaciones)(?![\p{L}])/iu;

/** Just before a cure, the body itself as its subject: "tu cuerpo eliminará el virus con el tiempo" says what an illness does, not what a product does. */
export const OWN_BODY_BEFORE_ES = /(?:cuerpo|organismo|sistema\s+inmun(?:e|itario|ol[oó]gico))\s+(?:\p{L}+\s+)?$/iu;

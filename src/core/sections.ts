/**
 * Matching headings to named sections: case-insensitive, whole words, plural-tolerant, with aliases.
 * "Treatment" matches "Treatment Options" and "How It Is Treated"; "Sources" matches "References"
 * and, in a Spanish article, "Fuentes".
 */
/** The built-in sections as Spanish articles name them (compared without accents, as every heading is). */
const SPANISH = {
  symptoms: ['síntomas', 'signos', 'señales'],
  causes: ['causas', 'por qué ocurre', 'factores de riesgo'],
  treatment: ['tratamiento', 'cómo se trata', 'opciones de tratamiento', 'terapia'],
  doctor: ['cuándo consultar al médico', 'cuándo ir al médico', 'cuándo ver a un médico', 'cuándo pedir ayuda', 'cuándo buscar ayuda médica'],
  sources: ['fuentes', 'referencias', 'bibliografía'],
  disclaimer: ['aviso', 'aviso legal', 'aviso médico', 'descargo de responsabilidad'],
  risks: ['riesgos', 'efectos secundarios', 'complicaciones'],
};

export const SECTION_ALIASES: Record<string, string[]> = {
  symptoms: ['signs', 'warning signs', 'what it feels like', ...SPANISH.symptoms],
  causes: ['why it happens', 'risk factors', 'what causes it', ...SPANISH.causes],
  treatment: ['treatment options', 'how it is treated', 'how is it treated', 'treating', 'management', 'therapy', 'therapies', ...SPANISH.treatment],
  'when to see a doctor': ['when to seek help', 'when to get help', 'when to seek medical help', 'when to seek medical care', 'when to call a doctor', 'when to get medical help', 'seeing a doctor', 'when to see your doctor', 'when to see a gp', ...SPANISH.doctor],
  sources: ['references', 'citations', 'bibliography', 'further reading and sources', ...SPANISH.sources],
  disclaimer: ['medical disclaimer', 'important notice', ...SPANISH.disclaimer],
  risks: ['side effects', 'complications', 'safety', 'risks and side effects', ...SPANISH.risks],
};

/** Lower-case words with a plural `s`/`es` removed, so "Symptoms" and "symptom" compare equal. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(singular);
}

export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

/** True when `needle`'s words stand, in order and adjacent, among `haystack`'s words. */
export function containsWords(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

const sectionNames = new Map<string, string[][]>();

/** The word lists a section is known by (its name and aliases), worked out once per section. */
function namesOf(section: string): string[][] {
  let names = sectionNames.get(section);
  if (!names) {
    const aliases = SECTION_ALIASES[section.toLowerCase()] ?? SECTION_ALIASES[words(section).join(' ')] ?? [];
    names = [section, ...aliases].map(words);
    sectionNames.set(section, names);
  }
  return names;
}

/**
 * The sections a page lifts out of the body (Sources after it, the Disclaimer in its box), which a
 * heading names only when it is about nothing else: "Sources and further reading", not "Sources of
 * vitamin D" or "Open source tools", which stay in the body where their author put them.
 */
const CLOSING_SECTIONS = new Set(['source', 'disclaimer']);
/** Words that may stand beside a closing section's name in its heading. */
const CLOSING_COMPANIONS = new Set(
  (
    'and & y e the our a an further reading more information useful link note cited work key selected additional ' +
    'resource legal important notice lectura adicional consultada bibliografica importante nota'
  )
    .split(' ')
    .map(singular),
);

/** True when a heading names the section (or one of its aliases). */
export function headingMatchesSection(heading: string, section: string): boolean {
  const headingWords = words(heading);
  if (!namesOf(section).some((name) => containsWords(headingWords, name))) return false;
  const allowed = closingWords(section);
  return !allowed || headingWords.every((word) => allowed.has(word) || CLOSING_COMPANIONS.has(word) || /^\d+$/.test(word));
}

const closingSectionWords = new Map<string, ReadonlySet<string> | undefined>();

/** For a closing section, the words of its names, worked out once; undefined for any other section. */
function closingWords(section: string): ReadonlySet<string> | undefined {
  if (!closingSectionWords.has(section)) closingSectionWords.set(section, CLOSING_SECTIONS.has(words(section).join(' ')) ? new Set(namesOf(section).flat()) : undefined);
  return closingSectionWords.get(section);
}

import { headingMatchesSection, words } from '../../core/sections.js';

// Matching normalises and re-reads every alias of a section on each call (tens of microseconds),
// and rules ask about the same few heading texts again and again across a site, so answers are
// remembered. The memory is bounded: on a huge site it is forgotten rather than left to grow.
const MAX_REMEMBERED = 20_000;

function remember<T>(compute: (text: string) => T): (text: string) => T {
  const answers = new Map<string, T>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      answer = compute(text);
      if (answers.size >= MAX_REMEMBERED) answers.clear();
      answers.set(text, answer);
    }
    return answer;
  };
}

const bySection = new Map<string, (heading: string) => boolean>();

/** `headingMatchesSection` from core/sections, remembered per heading text and section name. */
export function matchesSection(heading: string, section: string): boolean {
  let match = bySection.get(section);
  if (!match) {
    match = remember((text) => headingMatchesSection(text, section));
    bySection.set(section, match);
  }
  return match(heading);
}

/** `words` from core/sections, remembered per text. Callers must not change the returned list. */
export const wordsOf: (text: string) => readonly string[] = remember(words);

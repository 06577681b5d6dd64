/**
 * A case-insensitive pattern for configured phrases, each matched as whole words with any white
 * space between its words (so a phrase may wrap onto the next line). Undefined when there are none.
 * Blank entries are ignored (the rules' option schemas have already refused anything but text).
 */
export function phrasePattern(phrases: readonly string[]): RegExp | undefined {
  const sources = phrases
    .filter((phrase) => phrase.trim() !== '')
    .map((phrase) => {
      const words = phrase.trim().split(/\s+/).map(escape).join('\\s+');
      const start = /^[\p{L}\p{N}_]/u.test(phrase.trim()) ? '(?<![\\p{L}\\p{N}_])' : '';
      const end = /[\p{L}\p{N}_]$/u.test(phrase.trim()) ? '(?![\\p{L}\\p{N}_])' : '';
      return `${start}${words}${end}`;
    });
  if (sources.length === 0) return undefined;
  // Longest first, so "miracle cure" wins over "miracle" where both are listed.
  sources.sort((a, b) => b.length - a.length);
  return new RegExp(sources.join('|'), 'giu');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

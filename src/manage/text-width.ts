import stringWidth from 'string-width';

/**
 * Terminal cell widths of text, so a table of titles in any language stays inside the window:
 * East Asian wide characters and emoji take two cells, combining marks none (string-width's
 * tables, kept up to date with Unicode).
 */
export function textWidth(text: string): number {
  return stringWidth(text);
}

/** Replaces control characters (newlines, escape sequences) so a value cannot break the table or the terminal. */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cuts text to `width` cells, marking the cut with an ellipsis at the end (or at the start, for paths). */
export function truncate(text: string, width: number, from: 'end' | 'start' = 'end'): string {
  if (textWidth(text) <= width) return text;
  if (width <= 0) return '';
  // Whole graphemes, so an accent or an emoji sequence is never cut in half.
  const parts = Array.from(graphemes.segment(text), (part) => part.segment);
  if (from === 'start') parts.reverse();
  const kept: string[] = [];
  let used = 1; // the ellipsis
  for (const part of parts) {
    const w = stringWidth(part);
    if (used + w > width) break;
    used += w;
    kept.push(part);
  }
  return from === 'start' ? `…${kept.reverse().join('')}` : `${kept.join('').trimEnd()}…`;
}

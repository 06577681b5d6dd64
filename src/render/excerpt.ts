const ELLIPSIS = '…';
// Punctuation that reads badly right before an ellipsis ("pain, …", "the lung.…").
const TRAILING_PUNCTUATION = /[\s.,;:\-–—(\[{"'“‘]+$/u;

/**
 * The opening of a text, at most `length` characters before the ellipsis, cut at a word
 * boundary (never mid-word, unlike the seed page's "early dete"). Whitespace is collapsed.
 * A single word longer than `length` is cut where it must be.
 */
export function excerpt(text: string, length: number): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (length <= 0) return '';
  if (plain.length <= length) return plain;
  const head = plain.slice(0, length + 1);
  const lastSpace = head.lastIndexOf(' ');
  let cut = lastSpace > 0 ? head.slice(0, lastSpace) : Array.from(plain).slice(0, length).join('');
  cut = cut.replace(TRAILING_PUNCTUATION, '') || cut;
  return `${cut}${ELLIPSIS}`;
}

const ELLIPSIS = '…';
// Punctuation that reads badly right before an ellipsis ("pain, …", "the lung.…").
const TRAILING_PUNCTUATION = /[\s.,;:\-–—(\[{"'“‘]+$/u;

/**
 * An excerpt as a site keeps it for its lists: the text before the ellipsis, and whether there is
 * one. Apart, because V8 keeps a string of Latin-1 characters in a byte each and one with an
 * ellipsis in two: a 160-character excerpt takes 176 bytes instead of 336, for each article.
 */
export interface ExcerptParts {
  text: string;
  cut: boolean;
}

/**
 * The opening of a text, at most `length` characters before the ellipsis, cut at a word
 * boundary (never mid-word, unlike the seed page's "early dete"). Whitespace is collapsed.
 * A single word longer than `length` is cut where it must be.
 */
export function excerptParts(text: string, length: number): ExcerptParts {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (length <= 0) return { text: '', cut: false };
  if (plain.length <= length) return { text: plain, cut: false };
  const head = plain.slice(0, length + 1);
  const lastSpace = head.lastIndexOf(' ');
  const cut = lastSpace > 0 ? head.slice(0, lastSpace) : Array.from(plain).slice(0, length).join('');
  return { text: cut.replace(TRAILING_PUNCTUATION, '') || cut, cut: true };
}

/** The excerpt as pages show it. */
export function shownExcerpt(text: string, cut: boolean): string {
  return cut ? `${text}${ELLIPSIS}` : text;
}

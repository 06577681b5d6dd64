import transliterate from '@sindresorhus/transliterate';

/** Long titles make unwieldy URLs and can exceed file-name limits, so slugs are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 80;

/**
 * A URL slug from a title: plain ASCII, lower case, words joined by hyphens
 * ("Café-Ärzte: Schlafstörungen" → "cafe-arzte-schlafstorungen"). Accents are folded first
 * (ä → a, as in most slugs on the web; transliterate alone would give the German "ae"), then
 * transliterate handles letters that are not accented forms (ß → ss, ø → o, æ → ae, Cyrillic…).
 * Returns '' when nothing usable is left (a title in a script transliterate does not know).
 */
export function slugify(title: string): string {
  const folded = title.normalize('NFKD').replace(/\p{M}+/gu, '');
  const slug = transliterate(folded)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length <= MAX_SLUG_LENGTH ? slug : shorten(slug);
}

function shorten(slug: string): string {
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

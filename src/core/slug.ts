import transliterate from '@sindresorhus/transliterate';
import { withoutMarkdownExtension } from './markdown-file.js';

// Every slug rule of healthmd: what a slug may be (front matter, the page URL, new articles),
// how one is made from a title (new, and the suggestion in findings) and a tag's page name.

/** What a `slug:` may hold: one lower-case URL segment of ASCII letters, digits and hyphens. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

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
  const slug = toLatin(folded)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length <= MAX_SLUG_LENGTH ? slug : shorten(slug);
}

/**
 * A slug to offer in a finding: `text` made a slug, else the file's name made one, else a
 * placeholder, so that the example given always passes SLUG_PATTERN.
 */
export function suggestedSlug(text: string, relPath: string): string {
  const fileName = withoutMarkdownExtension(relPath.split('/').pop() ?? '');
  return slugify(text) || slugify(fileName) || 'my-article';
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * transliterate's answer, without running it for ASCII text (nearly every tag and title, and a
 * lint of a large project asks for every article's tags): of ASCII it changes only the two
 * characters Unicode counts as diacritics, ^ and `, which its diacritic pass removes.
 */
export function toLatin(text: string): string {
  return ASCII.test(text) ? text.replace(/[\^`]/g, '') : transliterate(text);
}

function shorten(slug: string): string {
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  const boundary = cut.lastIndexOf('-');
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
}

/**
 * The URL segment of a tag page: "Women's Health" → `womens-health`, "Santé" → `sante`. Latin
 * letters are transliterated; other scripts are kept (the URL percent-encodes them) so a tag in
 * Greek or Chinese still gets a page of its own. Undefined when nothing is left to name it by.
 */
export function tagSlug(tag: string): string | undefined {
  const slug = toLatin(tag.normalize('NFC'))
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? undefined : slug;
}

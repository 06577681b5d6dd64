import transliterate from '@sindresorhus/transliterate';

/**
 * The URL segment of a tag page: "Women's Health" → `womens-health`, "Santé" → `sante`. Latin
 * letters are transliterated; other scripts are kept (the URL percent-encodes them) so a tag in
 * Greek or Chinese still gets a page of its own. Undefined when nothing is left to name it by.
 */
export function tagSlug(tag: string): string | undefined {
  const slug = transliterate(tag.normalize('NFC'))
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? undefined : slug;
}

/** The site path of a tag's page. */
export function tagPath(slug: string): string {
  return `tags/${slug}/`;
}

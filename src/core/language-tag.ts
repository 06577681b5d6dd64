/**
 * The shape of a BCP 47 language tag (`en`, `en-GB`, `es-419`, `zh-Hant-TW`): a two- or
 * three-letter language, then subtags of up to eight letters or digits. Shape only: the subtags
 * are not looked up in the IANA registry, so a plausible but unregistered tag passes.
 */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/** The primary subtag of a language tag, lower-cased: `es` for `es-MX`, what built-in strings and measures are chosen by. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

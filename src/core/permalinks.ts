/**
 * URL patterns of the generators articles come from: Jekyll's `permalink` (`/:year/:month/:day/:title/`,
 * or a named style such as `pretty`) and Hugo's `permalinks` (`/:section/:slug/`). healthmd never
 * publishes at these URLs; it reads them so that links written for the old site find their page.
 */

/** What each placeholder stands for; an article may give several values (Jekyll and Hugo read `:title` differently). */
export type PlaceholderValues = Record<string, readonly string[]>;

/** Every placeholder a pattern may use, Jekyll's and Hugo's. */
export const PERMALINK_PLACEHOLDERS = [
  'year',
  'short_year',
  'month',
  'i_month',
  'day',
  'i_day',
  'title',
  'slug',
  'name',
  'filename',
  'slugorfilename',
  'contentbasename',
  'categories',
  'section',
  'sections',
  'output_ext',
] as const;

/** Jekyll's built-in permalink styles, by name. */
export const JEKYLL_STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  none: '/:categories/:title:output_ext',
};

// Longest names first, so `:slugorfilename` is not read as `:slug` followed by "orfilename".
const PLACEHOLDER = new RegExp(`:(${[...PERMALINK_PLACEHOLDERS].sort((a, b) => b.length - a.length).join('|')})`, 'g');
const ANY_PLACEHOLDER = /:([a-z_]+)/g;

/** The pattern a `permalinks` entry names: a Jekyll style name is replaced by its pattern. */
export function permalinkPattern(entry: string): string {
  return JEKYLL_STYLES[entry] ?? entry;
}

/** Placeholders in a pattern that healthmd does not know (config validation names them). */
export function unknownPlaceholders(pattern: string): string[] {
  const known = new Set<string>(PERMALINK_PLACEHOLDERS);
  const unknown: string[] = [];
  for (const match of permalinkPattern(pattern).replace(PLACEHOLDER, '').matchAll(ANY_PLACEHOLDER)) {
    if (!known.has(match[1])) unknown.push(`:${match[1]}`);
  }
  return unknown;
}

/**
 * Every URL path the pattern gives with these values (one per combination of values). A
 * placeholder with no value makes no URL, except `:categories`, which may be empty as in
 * Jekyll (its doubled slash collapses). Values are a handful each, so the product stays small.
 */
export function expandPermalink(pattern: string, values: PlaceholderValues): string[] {
  let paths = [''];
  let last = 0;
  const text = permalinkPattern(pattern);
  for (const match of text.matchAll(PLACEHOLDER)) {
    const literal = text.slice(last, match.index);
    const name = match[1];
    const options = name === 'categories' ? (values.categories?.length ? values.categories : ['']) : (values[name] ?? []);
    if (options.length === 0) return [];
    paths = paths.flatMap((prefix) => options.map((value) => prefix + literal + value));
    last = match.index + match[0].length;
  }
  return paths.map((p) => (p + text.slice(last)).replace(/\/{2,}/g, '/'));
}

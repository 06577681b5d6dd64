import picomatch from 'picomatch';
import type { FrontMatter } from './front-matter.js';

/** Values given to the articles under some paths, as Jekyll's `defaults` and Hugo's `cascade` do. */
export interface PathDefaults {
  /** Globs relative to the articles folder (`glossary/**`, `contact.md`); a plain folder name means everything under it. */
  match: string[];
  values: Record<string, unknown>;
}

/** How front matter written for another tool is read: the config's `defaults` and `frontMatter.aliases`. */
export interface FrontMatterAdoption {
  defaults: readonly PathDefaults[];
  frontMatter: { aliases: Readonly<Record<string, readonly string[]>> };
}

/**
 * Other generators' own names for healthmd's keys, read without any config where the meaning is
 * the same: Hugo's `summary` and Jekyll's `excerpt` are what healthmd calls `description`, Hugo's
 * `publishDate` is the publication date, and Hugo's `lastmod` (any case) and the
 * `last_modified_at` of Jekyll's jekyll-last-modified-at are the day it was `updated`. (`draft`
 * and `published: false` need no alias: they are read as they are.) The config's aliases come
 * first; these fill in.
 */
export const BUILT_IN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  description: ['summary', 'excerpt'],
  date: ['publishDate'],
  updated: ['lastmod', 'lastMod', 'last_modified_at'],
};

const NO_ADOPTION: FrontMatterAdoption = { defaults: [], frontMatter: { aliases: {} } };

const matchers = new WeakMap<PathDefaults, (relPath: string) => boolean>();

function matcherOf(defaults: PathDefaults): (relPath: string) => boolean {
  let matcher = matchers.get(defaults);
  if (!matcher) {
    // A folder written without a glob (`glossary`, Jekyll's scope.path) means what is under it.
    const globs = defaults.match.flatMap((glob) => (picomatch.scan(glob).isGlob || /\.\w+$/.test(glob) ? [glob] : [`${glob.replace(/\/+$/, '')}/**`]));
    matcher = picomatch(globs, { dot: true });
    matchers.set(defaults, matcher);
  }
  return matcher;
}

/**
 * The data an article is read with: its own keys, then each canonical key from the first alias
 * the file uses (the place stays the alias's, so findings point at the key as the file spells
 * it), then the path defaults that match (later entries over earlier ones). Front matter wins.
 */
export function adoptFrontMatter(
  frontMatter: FrontMatter | undefined,
  relPath: string,
  adoption: FrontMatterAdoption | undefined,
): { frontMatter?: FrontMatter; data: Record<string, unknown> } {
  adoption ??= NO_ADOPTION;
  const data: Record<string, unknown> = { ...frontMatter?.data };
  const places = { ...frontMatter?.places };
  const spelled: Record<string, string> = {};
  for (const aliases of [adoption.frontMatter.aliases, BUILT_IN_ALIASES]) {
    for (const [canonical, names] of Object.entries(aliases)) {
      if (Object.hasOwn(data, canonical)) continue;
      const name = names.find((n) => Object.hasOwn(data, n));
      if (name === undefined) continue;
      data[canonical] = data[name];
      if (places[name]) places[canonical] = places[name];
      spelled[canonical] = name;
    }
  }
  const own = new Set(Object.keys(data));
  for (const defaults of adoption.defaults) {
    if (!matcherOf(defaults)(relPath)) continue;
    for (const [key, value] of Object.entries(defaults.values)) {
      if (own.has(key)) continue;
      data[key] = structuredClone(value);
    }
  }
  // A file without front matter gets the defaults' data but no front matter: nothing is written in it.
  if (!frontMatter) return { data };
  return { frontMatter: { ...frontMatter, data, places, ...(Object.keys(spelled).length ? { spelled } : {}) }, data };
}

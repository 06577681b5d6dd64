import type { Article } from './article.js';
import type { Place } from './diagnostic.js';
import { percentDecoded } from './url-safety.js';

/**
 * Old URLs of an article that keep working: Hugo's `aliases` and Jekyll's (jekyll-redirect-from)
 * `redirect_from`. The one reader of those keys: site-root links resolve through them, the build
 * writes a redirect page at each, and unique-slug reports the ones that cannot be written.
 */
export const ALIAS_KEYS = ['aliases', 'redirect_from'] as const;

export interface ArticleAlias {
  /** As written in the front matter (`/old/path/`). */
  text: string;
  /** The file the redirect page is written to: `old/path/index.html`, or `old.html` as written. */
  file: string;
  /** Where the value stands in the file. */
  place: Place;
}

export interface AliasProblem {
  text: string;
  /** Why no redirect page can be written there, and what to write instead. */
  reason: string;
  place: Place;
}

/** Folders the site writes itself; an alias inside them would replace one of its files. */
const SITE_FOLDERS = ['assets/'];
const SITE_FILES = ['feed.xml', 'sitemap.xml'];

interface Aliases {
  aliases: readonly ArticleAlias[];
  problems: readonly AliasProblem[];
}

const cache = new WeakMap<Article, Aliases>();
/** What an article without alias keys has (most have none): shared, not kept for each. */
const NONE: Aliases = Object.freeze({ aliases: Object.freeze([]), problems: Object.freeze([]) });

/** The article's usable aliases and the values that are not a usable old URL, each with its place. */
export function articleAliases(article: Article): Aliases {
  if (ALIAS_KEYS.every((key) => article.data[key] === undefined || article.data[key] === null)) return NONE;
  const known = cache.get(article);
  if (known) return known;
  const result = { aliases: [] as ArticleAlias[], problems: [] as AliasProblem[] };
  for (const key of ALIAS_KEYS) {
    const value = article.data[key];
    if (value === undefined || value === null) continue;
    const places = article.frontMatter?.places[key];
    const fallback = places?.value ?? { line: 1, column: 1 };
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      const place = (Array.isArray(value) ? places?.items?.[i] : places?.value) ?? fallback;
      if (typeof item !== 'string') {
        result.problems.push({ text: String(item), reason: `is ${Array.isArray(item) ? 'a list' : typeof item}, not a URL path: write the old URL as text, such as '/old-page/'`, place });
        return;
      }
      const checked = aliasFile(item);
      if ('reason' in checked) result.problems.push({ text: item, reason: checked.reason, place });
      else result.aliases.push({ text: item, file: checked.file, place });
    });
  }
  cache.set(article, result);
  return result;
}

/**
 * The file a redirect page for the old URL `text` is written to. A site-root path (as Jekyll and
 * Hugo write them), percent-decoded as a web server decodes the URL it is asked for (`%20` is
 * the folder `salud respiratoria`), so the page stands where the old URL is looked for; never the
 * home page, a parent folder, or a character a file name cannot hold, judged after decoding.
 */
function aliasFile(text: string): { file: string } | { reason: string } {
  const written = text.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//')) return { reason: 'is a full URL: an alias is an old path of this site, such as /old-page/' };
  if (!written.startsWith('/')) return { reason: 'is not a site-root path: start it with /, such as /old-page/' };
  if (/[?#]/.test(written)) return { reason: 'has a query or fragment (? or #): a redirect page can only stand at a path' };
  // Servers disagree on an escaped slash (nginx reads it as a folder, Apache refuses the request),
  // so no one place for the page would answer it everywhere.
  if (/%(2f|5c)/i.test(written)) return { reason: 'has an escaped slash (%2F or %5C): write the folders with / itself, such as /old/page/' };
  const value = percentDecoded(written);
  if (value === undefined) return { reason: "has a broken percent-escape: each % must start a UTF-8 escape such as %20, and a % meant as itself is written %25" };
  // eslint-disable-next-line no-control-regex
  if (/[\0-\x1f\\:*?"<>|]/.test(value)) return { reason: 'has a character a file name cannot hold (\\ : * ? " < > | or a control character), written or percent-escaped' };
  const segments = value.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return { reason: 'has . or .. segments, written or percent-escaped: write the old path as it was, from the site root' };
  if (segments.length === 0) return { reason: 'is the home page, which the site writes itself' };
  const path = segments.join('/');
  const file = value.endsWith('/') || !/\.html?$/i.test(path) ? `${path}/index.html` : path;
  const lower = `${path.toLowerCase()}/`;
  if (SITE_FILES.some((name) => lower === `${name}/`) || SITE_FOLDERS.some((folder) => lower.startsWith(folder))) {
    return { reason: `is one of the site's own files (${SITE_FOLDERS.join(', ')}, ${SITE_FILES.join(', ')})` };
  }
  return { file };
}


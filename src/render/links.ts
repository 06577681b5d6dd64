import path from 'node:path';

/**
 * How pages link to each other. `server`: URLs for a web server (`/articles/x/`, under the base
 * URL's path). `relative`: file links that work from disk (`../x/index.html`), for `export`.
 */
export type LinkStyle = 'server' | 'relative';

/**
 * A place in the site, as the renderer names it: `''` is the home page, a path ending in `/` is a
 * folder page (`articles/x/`, served as its index.html), anything else a file (`assets/style.css`).
 * Segments are as on disk (not percent-encoded).
 */
export type SitePath = string;

/** Turns a site path into the href used on the page `from` (an output file such as `articles/x/index.html`). */
export type LinkResolver = (from: string, target: SitePath) => string;

/** The file a site path is written to: folder pages are their index.html. */
export function outputFileOf(target: SitePath): string {
  // Joined, not a template (a rope), as articleUrl: the renderer keeps one for each page.
  return target === '' || target.endsWith('/') ? [target, 'index.html'].join('') : target;
}

/** Percent-encodes each segment, keeping the slashes (and characters URLs allow unencoded). */
export function encodeSitePath(target: SitePath): string {
  return target
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%40/g, '@').replace(/%2C/g, ','))
    .join('/');
}

/** The absolute URL of a site path under the base URL (canonical links, feed, sitemap, JSON-LD). */
export function absoluteUrl(baseUrl: string, target: SitePath): string {
  return new URL(encodeSitePath(target), baseUrl).href;
}

/** Hrefs a server-style resolver keeps (a few kilobytes of hot paths; past it, it starts again). */
const LINK_CACHE = 4096;

export function createLinkResolver(style: LinkStyle, baseUrl: string): LinkResolver {
  if (style === 'server') {
    // Root-relative under the base URL's path, so a site served from /health/ links within it.
    const prefix = new URL(baseUrl).pathname.replace(/\/?$/, '/');
    // The same on every page, and asked for thousands of times (every page links the latest posts
    // and its tags). Bounded: the lists of a large site link every one of its pages, and a cache of
    // all their hrefs held 15 MB at 100,000 articles to the end of the build.
    const cache = new Map<SitePath, string>();
    return (_from, target) => {
      let href = cache.get(target);
      if (href === undefined) {
        if (cache.size === LINK_CACHE) cache.clear();
        cache.set(target, (href = prefix + encodeSitePath(target)));
      }
      return href;
    };
  }
  return (from, target) => {
    const fromDir = path.posix.dirname(from);
    const file = outputFileOf(target);
    const relative = path.posix.relative(fromDir === '.' ? '' : fromDir, file);
    return encodeSitePath(relative || path.posix.basename(file));
  };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeHTMLAttribute } from 'entities/decode';
import { HealthmdError } from '../core/errors.js';
import { MEDIA_FOLDER } from '../render/article-urls.js';
import { absoluteUrl, createLinkResolver, outputFileOf, type LinkResolver } from '../render/links.js';
import type { OutputItem } from '../render/site-renderer.js';
import { STYLESHEET, type Theme } from '../render/theme.js';
import { ioFailure } from '../core/io-failure.js';

/** The file a page goes to in a single-file export: `articles/x/index.html` → `articles/x.html`. */
export function singleFileOf(file: string): string {
  return file.endsWith('/index.html') ? `${file.slice(0, -'/index.html'.length)}.html` : file;
}

/**
 * Links between single files: a page links to the other page's `.html` file beside it. A link to
 * an image file (not an image shown on the page, which is inlined) has no file to lead to in the
 * bundle, so it leads to the published copy on the site.
 */
export function singleFileLinks(baseUrl: string): LinkResolver {
  const relative = createLinkResolver('relative', baseUrl);
  return (from, target) => {
    if (target.startsWith(MEDIA_FOLDER)) return absoluteUrl(baseUrl, target);
    return relative(singleFileOf(from), singleFileOf(outputFileOf(target)));
  };
}

const MEDIA_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** Turns image files into data: URIs, reading each file once however many pages show it. */
export function imageInliner(): (file: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (file) => {
    if (cache.has(file)) return cache.get(file);
    const type = MEDIA_TYPES[path.extname(file).toLowerCase()];
    let uri: string | undefined;
    if (type) {
      try {
        uri = `data:${type};base64,${readFileSync(file).toString('base64')}`;
      } catch (error) {
        throw new HealthmdError(`cannot read image: ${ioFailure(error)}`, { file, cause: error });
      }
    }
    cache.set(file, uri);
    return uri;
  };
}

/**
 * Turns the site's files into single files: each page under its single-file name with the
 * stylesheet in a `<style>` element; the stylesheet, images and other theme files are left out,
 * since everything a page shows is inside it.
 */
export function* singleFilePages(items: Iterable<OutputItem>, theme: Theme, link: LinkResolver): Generator<OutputItem> {
  const css = inlineableCss(theme);
  for (const item of items) {
    if (!('content' in item) || !item.path.endsWith('.html')) continue;
    const href = link(item.path, STYLESHEET);
    yield { path: singleFileOf(item.path), content: inlineStylesheet(item.content, href, css) };
  }
}

/** The theme's stylesheet, its images (`url(logo.png)`) turned into data: URIs and safe inside `<style>`. */
function inlineableCss(theme: Theme): string {
  const source = theme.assets.get(STYLESHEET);
  if (!source) return '';
  let css: string;
  try {
    css = readFileSync(source, 'utf8');
  } catch (error) {
    throw new HealthmdError(`cannot read the stylesheet: ${ioFailure(error)}`, { file: source, cause: error });
  }
  const inline = imageInliner();
  const withImages = css.replace(/url\(\s*(['"]?)([^'")\s]+)\1\s*\)/g, (whole, _quote: string, url: string) => {
    if (/^[a-z][a-z0-9+.-]*:|^\/|^#/i.test(url)) return whole;
    const asset = theme.assets.get(path.posix.join(path.posix.dirname(STYLESHEET), url.split(/[?#]/)[0]));
    const uri = asset === undefined ? undefined : inline(asset);
    return uri === undefined ? whole : `url("${uri}")`;
  });
  // Only `</style` can end the element early; in CSS `\/` is the same slash.
  return withImages.replace(/<\/(style)/gi, '<\\/$1');
}

const LINK_TAG = /<link\b[^>]*>/gi;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Replaces the page's `<link rel="stylesheet" href="…">` to the theme's stylesheet with the CSS itself. */
export function inlineStylesheet(html: string, href: string, css: string): string {
  return html.replace(LINK_TAG, (tag) => {
    const attributes = new Map<string, string>();
    for (const match of tag.slice(5, -1).matchAll(ATTRIBUTE)) {
      attributes.set(match[1].toLowerCase(), decodeHTMLAttribute(match[2] ?? match[3] ?? match[4] ?? ''));
    }
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    return rel.includes('stylesheet') && attributes.get('href') === href ? `<style>\n${css}</style>` : tag;
  });
}

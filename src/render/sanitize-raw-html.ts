import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';

let sanitizer: typeof sanitizeHtml | undefined;

/**
 * sanitize-html (with the HTML and CSS parsers it brings) takes a fifth of a second to load, and
 * only a site with `allowHtml: true` and raw HTML in an article needs it: load it then.
 */
function loadSanitizer(): typeof sanitizeHtml {
  sanitizer ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml;
  return sanitizer;
}

export type UrlUse = 'link' | 'image';

/**
 * Decides the URL an attribute gets: the same resolver the Markdown renderer uses, so raw
 * `<a href="other.md">` and `[x](other.md)` end up alike. Undefined drops the attribute.
 */
export type AttributeUrl = (value: string, use: UrlUse) => string | undefined;

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * The allowlist for `allowHtml: true`: text formatting, lists, tables, figures and images, and
 * the attributes healthmd's own Markdown output uses. No scripts, styles, frames, forms, embeds
 * or event handlers, whatever the article holds.
 */
const BASE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    ...HEADINGS,
    'p', 'br', 'hr', 'div', 'span', 'section', 'aside', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'var',
    'a', 'img', 'figure', 'figcaption', 'picture',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'abbr', 'cite', 'q', 'time', 'dfn',
    'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
    'details', 'summary',
  ],
  allowedAttributes: {
    '*': ['class', 'lang', 'dir', 'title'],
    a: ['href'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    ...Object.fromEntries(HEADINGS.map((tag) => [tag, ['id']])),
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
    ol: ['start', 'reversed', 'type'],
    time: ['datetime'],
    abbr: ['title'],
    q: ['cite'],
    blockquote: ['cite'],
    div: ['tabindex', 'role', 'aria-label'],
    span: ['role', 'aria-label', 'aria-hidden'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  enforceHtmlBoundary: false,
};

/**
 * Passes rendered article HTML through the allowlist. URLs go through `url` unless the renderer
 * produced them itself (`trusted`): those were resolved already, and resolving them twice would
 * break them (a server URL such as `/articles/x/` is not a URL an article may contain). Heading
 * ids are kept only when they are the renderer's (`ids`), so raw HTML cannot take an id the page
 * uses for something else.
 */
export function sanitizeRawHtml(html: string, url: AttributeUrl, trusted: ReadonlySet<string>, ids: ReadonlySet<string>): string {
  const rewrite = (attribute: 'href' | 'src', use: UrlUse) => (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const value = attribs[attribute];
    if (value === undefined || trusted.has(value)) return { tagName, attribs };
    const resolved = url(value, use);
    const next = { ...attribs };
    if (resolved === undefined) delete next[attribute];
    else next[attribute] = resolved;
    return { tagName, attribs: next };
  };
  const headingId = (tagName: string, attribs: sanitizeHtml.Attributes) => {
    if (attribs.id === undefined || ids.has(attribs.id)) return { tagName, attribs };
    const { id: _dropped, ...rest } = attribs;
    return { tagName, attribs: rest };
  };
  return loadSanitizer()(html, {
    ...BASE_OPTIONS,
    transformTags: { a: rewrite('href', 'link'), img: rewrite('src', 'image'), ...Object.fromEntries(HEADINGS.map((tag) => [tag, headingId])) },
    // An image whose source was refused is no image; keep its words instead.
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  });
}

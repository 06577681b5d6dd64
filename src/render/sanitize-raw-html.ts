import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';
import { ALLOWED_GLOBAL_ATTRIBUTES, ALLOWED_SCHEMES, ALLOWED_TAG_ATTRIBUTES, ALLOWED_TAGS, HEADING_TAGS, NOT_TEXT_TAGS } from '../core/html-allowlist.js';
import { raisedOrLowered } from '../core/raised-figures.js';

let sanitizer: typeof sanitizeHtml | undefined;

/**
 * sanitize-html (with the HTML and CSS parsers it brings) takes a fifth of a second to load, and
 * only an article with raw HTML needs it: load it then.
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

/**
 * Elements GitHub leaves out whose words a reader sees, renamed to a neutral element of the same
 * shape so their text keeps its own line: `<center>a</center><center>b</center>` would otherwise
 * read "ab". Their attributes are then checked as the new element's.
 */
const RENAMED: Record<string, string> = Object.fromEntries([
  ...['address', 'article', 'aside', 'center', 'dialog', 'fieldset', 'footer', 'form', 'header', 'hgroup', 'legend', 'main', 'nav', 'search', 'section'].map((tag) => [tag, 'div']),
  // A drop-down's choices and a text box's text are words the reader saw; a drop-down sits inside
  // a paragraph, so each choice gets a line of its own rather than a block.
  ...['select', 'textarea'].map((tag) => [tag, 'span']),
  ...['optgroup', 'option'].map((tag) => [tag, 'br']),
  ...['menu', 'dir'].map((tag) => [tag, 'ul']),
  ...['listing', 'plaintext', 'xmp'].map((tag) => [tag, 'pre']),
]);

/** What healthmd's own Markdown output uses beyond GitHub's list (the whole page passes the sanitizer). */
const OWN_CLASSES: Record<string, string[]> = {
  a: ['heading-anchor', 'footnote-ref'],
  div: ['table-scroll', 'markdown-alert', 'markdown-alert-note', 'markdown-alert-tip', 'markdown-alert-important', 'markdown-alert-warning', 'markdown-alert-caution'],
  p: ['markdown-alert-title'],
  span: ['task-state'],
  th: ['align-left', 'align-center', 'align-right'],
  td: ['align-left', 'align-center', 'align-right'],
  li: ['task-list-item'],
};

/** Ids the page's layout gives its own elements (templates/layout.liquid's `Content`, the preview's overlay). */
const isLayoutId = (id: string) => id === 'Content' || id.startsWith('healthmd-');
/** GitHub's prefix for ids written by users, used here only for an id that would clash with the page's own. */
export const USER_ID_PREFIX = 'user-content-';

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    ...ALLOWED_TAG_ATTRIBUTES,
    '*': ALLOWED_GLOBAL_ATTRIBUTES,
    // The roles of healthmd's own table box and task-list symbol.
    div: [...ALLOWED_TAG_ATTRIBUTES.div, { name: 'role', multiple: false, values: ['region'] }],
    span: [{ name: 'role', multiple: false, values: ['img'] }],
  },
  allowedClasses: OWN_CLASSES,
  // Every URL has been through the resolver before this check; this is the allowlist's own backstop.
  allowedSchemes: ALLOWED_SCHEMES,
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'longdesc'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: NOT_TEXT_TAGS,
  enforceHtmlBoundary: false,
};

export interface SanitizeContext {
  url: AttributeUrl;
  /** URLs the renderer resolved itself: resolving them twice would break them (`/articles/x/` is not an article's URL). */
  trusted: ReadonlySet<string>;
  /** The ids the renderer gave the article's headings. */
  ids: ReadonlySet<string>;
}

/**
 * Passes rendered article HTML through GitHub's allowlist (`html: sanitize`). URLs go through
 * `url` unless the renderer produced them. Raw HTML's ids are kept as written, so a FAQ's
 * `#question-3` links, and links to it from other pages, still work; the page has no scripts for
 * an id to clobber, which is why GitHub prefixes every one. Only an id the page already uses (a
 * heading's, the layout's, or one written earlier) is prefixed with `user-content-`, so it can
 * never take over the table of contents' targets.
 */
export function sanitizeRawHtml(html: string, { url, trusted, ids }: SanitizeContext): string {
  const taken = new Set<string>();
  const ownId = (tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes => {
    const id = attribs.id;
    if (id === undefined) return attribs;
    // A heading's id is the renderer's the first time it appears on a heading; a copy is raw HTML's.
    const clashes = taken.has(id) || (ids.has(id) ? !HEADING_TAGS.includes(tagName) : isLayoutId(id));
    if (clashes) return { ...attribs, id: USER_ID_PREFIX + id };
    taken.add(id);
    return attribs;
  };
  const rewrite = (attribute: 'href' | 'src', use: UrlUse) => (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const value = attribs[attribute];
    if (value === undefined || trusted.has(value)) return { tagName, attribs: ownId(tagName, attribs) };
    const resolved = url(value, use);
    const next = { ...ownId(tagName, attribs) };
    if (resolved === undefined) delete next[attribute];
    else next[attribute] = resolved;
    return { tagName, attribs: next };
  };
  const rename = (to: string) => (_tagName: string, attribs: sanitizeHtml.Attributes) => ({ tagName: to, attribs: ownId(to, attribs) });
  const keepId = (tagName: string, attribs: sanitizeHtml.Attributes) => ({ tagName, attribs: ownId(tagName, attribs) });
  // What a reader loses with a frame is what it showed: a link to it keeps that within reach.
  const frameLink = (_tagName: string, attribs: sanitizeHtml.Attributes) => {
    const href = attribs.src === undefined ? undefined : url(attribs.src, 'link');
    if (href === undefined) return { tagName: 'iframe', attribs: {} };
    return { tagName: 'a', attribs: { href }, text: attribs.title || href };
  };
  const image = rewrite('src', 'image');
  // An image whose source was refused (or that has none) is no image; what it said stays, as its alt text.
  const imageOrWords = (tagName: string, attribs: sanitizeHtml.Attributes) => {
    const kept = image(tagName, attribs);
    if (kept.attribs.src !== undefined || !attribs.alt?.trim()) return kept;
    return { tagName: 'span', attribs: {}, text: attribs.alt };
  };
  const transformTags: Record<string, sanitizeHtml.Transformer> = {
    ...Object.fromEntries([...ALLOWED_TAGS.map((tag) => [tag, keepId]), ...Object.entries(RENAMED).map(([from, to]) => [from, rename(to)])]),
    a: rewrite('href', 'link'),
    img: imageOrWords,
    iframe: frameLink,
  };
  return loadSanitizer()(html, {
    ...SANITIZE_OPTIONS,
    transformTags,
    // A refused image without words leaves nothing (sanitize-html keeps a transform's text as the frame's innerText).
    exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src && !(frame as sanitizeHtml.IFrame & { innerText?: string }).innerText,
  });
}

/** Elements that end a paragraph of their own in `html: text` (lists are `LIST_TAGS`). */
const PARAGRAPH_TAGS = [
  ...HEADING_TAGS, 'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'details', 'dialog', 'div', 'dl',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'legend', 'main', 'nav',
  'p', 'pre', 'search', 'section', 'select', 'summary', 'table', 'tbody', 'textarea', 'tfoot', 'thead',
];
/** Elements that start a line of their own within a paragraph in `html: text`. */
const LINE_TAGS = ['br', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup'];

const TEXT_OPTIONS: sanitizeHtml.IOptions = {
  // Boundaries survive the sanitizer as bare <p>, <br />, lists and their items, and are turned into the page's own markup below.
  allowedTags: ['p', 'br', 'ol', 'ul', 'li'],
  // What numbers an ordered list's items: a reader of "4. Take the second dose" saw the 4.
  allowedAttributes: { ol: ['start', 'reversed', 'type'], li: ['value'] },
  transformTags: Object.fromEntries([
    ...PARAGRAPH_TAGS.map((tag) => [tag, () => ({ tagName: 'p', attribs: {} })]),
    ...LINE_TAGS.map((tag) => [tag, () => ({ tagName: 'br', attribs: {} })]),
    ...['menu', 'dir'].map((tag) => [tag, () => ({ tagName: 'ul', attribs: {} })]),
    // An image's words are its alt text.
    ['img', (_tagName: string, attribs: sanitizeHtml.Attributes) => ({ tagName: 'img', attribs: {}, text: attribs.alt ?? '' })],
  ]),
  disallowedTagsMode: 'discard',
  nonTextTags: NOT_TEXT_TAGS,
  // A text box's content is not decoded by the parser (browsers do decode it), so the sanitizer
  // escapes its entities a second time: undo that, leaving each a single entity reference.
  // A power's or a formula's figures keep their place above or below the line (10⁹/L, CO₂).
  textFilter: (text, tag) => {
    if (tag === 'sup' || tag === 'sub') return raisedOrLowered(text, tag) ?? text;
    return tag === 'textarea' ? text.replace(/&amp;(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, '&$1;') : text;
  },
  enforceHtmlBoundary: false,
};

/** A list's end tag as written (any case, the sanitizer renames menu and dir) and as the sanitizer writes it. */
const WRITTEN_LIST_END = /<\/(ol|ul|menu|dir)\s*>/gi;
const LIST_END = /^<\/(ol|ul)>/;

/** A raw list open in `html: text`, and the number its next item shows (ordered lists). */
interface OpenList {
  ordered: boolean;
  next: number;
  step: number;
  type: string;
}

/**
 * The raw lists open so far in one article's `html: text` rendering: a list whose items are
 * separated by blank lines reaches the renderer as several HTML blocks, and its numbering goes on
 * across them.
 */
export type OpenLists = OpenList[];

/**
 * The words of raw HTML (`html: text`): every tag removed, entities decoded and the text escaped
 * again, an image's alt text kept. In a block, each block element's text is a paragraph and each
 * list item, row or line break a line, so words from neighbouring elements never run together;
 * an ordered list's items keep the numbers a browser shows them with (`start`, `value`,
 * `reversed`, `type`). An inline tag (`inline`) becomes a line break (`<br>`), a space
 * (`</td><td>`) or nothing.
 */
export function rawHtmlText(html: string, inline = false, lists: OpenLists = []): string {
  const marked = loadSanitizer()(html, TEXT_OPTIONS);
  // The sanitizer escapes every '<' in text, so each '<' left starts one of its own boundary tags.
  const parts = marked.split(/(<[^>]*>)/);
  if (inline) return parts.map((part) => (part.startsWith('<br') ? '<br>' : part.startsWith('<') ? ' ' : part)).join('');
  const paragraphs: string[] = [];
  let lines: string[] = [];
  let line = '';
  // An item's number, written before its first words.
  let marker = '';
  const endLine = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  const endParagraph = () => {
    endLine();
    if (lines.length) paragraphs.push(`<p>${lines.join('<br>\n')}</p>\n`);
    lines = [];
  };
  // Within a list every boundary is a line, so an item's lines stay together with its number.
  const endBlock = () => (lists.length ? endLine() : endParagraph());
  // The sanitizer closes what a block leaves open and drops an end tag it has no start for; a
  // list's blocks may be apart (blank lines between items), so the end tags written decide.
  const written = (html.match(WRITTEN_LIST_END) ?? []).length;
  for (let dropped = written - parts.filter((part) => LIST_END.test(part)).length; dropped > 0; dropped -= 1) lists.pop();
  let ends = 0;
  parts.forEach((part, i) => {
    if (!part.startsWith('<')) {
      if (marker && part.trim()) [line, marker] = [`${line}${marker} `, ''];
      line += part;
    } else if (part.startsWith('<br')) endLine();
    else if (/^<(ol|ul)\b/.test(part)) {
      endBlock();
      lists.push(openList(part, parts, i));
    } else if (LIST_END.test(part)) {
      // Only an end tag the author wrote ends the list.
      ends += 1;
      if (ends <= written) lists.pop();
      endBlock();
    } else if (part.startsWith('<li')) {
      endLine();
      const list = lists.at(-1);
      if (!list?.ordered) return;
      const value = Number.parseInt(listAttribute(part, 'value') ?? '', 10);
      const number = Number.isNaN(value) ? list.next : value;
      marker = `${itemNumber(number, list.type)}.`;
      list.next = number + list.step;
    } else {
      if (part.startsWith('</li')) marker = '';
      endBlock();
    }
  });
  endParagraph();
  return paragraphs.join('');
}

/** The list attributes the text mode keeps, as the sanitizer writes them (`start="4"`, `reversed`). */
const LIST_ATTRIBUTES = Object.fromEntries(['start', 'reversed', 'type', 'value'].map((name) => [name, new RegExp(`\\s${name}(?:="([^"]*)")?(?=[\\s>/])`)]));

/** The value of a list attribute in a start tag the sanitizer wrote; undefined when it has none. */
function listAttribute(tag: string, name: 'start' | 'reversed' | 'type' | 'value'): string | undefined {
  const match = LIST_ATTRIBUTES[name].exec(tag);
  return match ? (match[1] ?? '') : undefined;
}

/** The list a start tag opens; `parts[at]` is the tag, the rest of the block follows it. */
function openList(tag: string, parts: readonly string[], at: number): OpenList {
  if (tag.startsWith('<ul')) return { ordered: false, next: 1, step: 1, type: '1' };
  const reversed = listAttribute(tag, 'reversed') !== undefined;
  const start = Number.parseInt(listAttribute(tag, 'start') ?? '', 10);
  return {
    ordered: true,
    // A reversed list without a start counts down from its number of items, as browsers do.
    next: Number.isNaN(start) ? (reversed ? itemsOf(parts, at) : 1) : start,
    step: reversed ? -1 : 1,
    type: listAttribute(tag, 'type') ?? '1',
  };
}

/** How many items the list opened at `parts[at]` has of its own (not those of lists inside it). */
function itemsOf(parts: readonly string[], at: number): number {
  let depth = 0;
  let items = 0;
  for (let i = at + 1; i < parts.length; i++) {
    const part = parts[i];
    if (/^<(ol|ul)\b/.test(part)) depth += 1;
    else if (/^<\/(ol|ul)>/.test(part)) {
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0 && part.startsWith('<li')) items += 1;
  }
  return items;
}

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

/** An item's number as `<ol type>` shows it: 1, a, A, i or I (numbers below 1 stay decimal, as in browsers). */
export function itemNumber(number: number, type: string): string {
  if (number < 1 || !['a', 'A', 'i', 'I'].includes(type)) return String(number);
  let text = '';
  if (type === 'a' || type === 'A') {
    for (let n = number; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(97 + ((n - 1) % 26)) + text;
  } else {
    let n = number;
    for (const [value, letters] of ROMAN) for (; n >= value; n -= value) text += letters;
  }
  return type === 'A' || type === 'I' ? text.toUpperCase() : text;
}

/**
 * The element an inline tag opens when its content is not words (`<script>` → `script`), so the
 * renderer can leave out what lies between it and its end tag; undefined for any other tag.
 */
export function nonTextElement(tag: string): string | undefined {
  const name = /^<([a-z][a-z0-9-]*)/i.exec(tag)?.[1].toLowerCase();
  return name !== undefined && NOT_TEXT_TAGS.includes(name) ? name : undefined;
}

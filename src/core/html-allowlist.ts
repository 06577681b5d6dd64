import { classifyUrl } from './url-safety.js';

/*
 * What `html: sanitize` publishes of raw HTML: GitHub's allowlist, as hast-util-sanitize writes it
 * down (`defaultSchema` in that package's lib/schema.js), with healthmd's changes marked. The renderer hands it
 * to the sanitizer; no-raw-html reads it to say what will be removed.
 */

export const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * `defaultSchema.tagNames` less `input`: GitHub keeps a disabled checkbox for task lists, but an
 * unlabelled form control is an accessibility error and healthmd's own task lists use a symbol.
 */
export const ALLOWED_TAGS = [
  ...HEADING_TAGS, 'br', 'b', 'i', 'strong', 'em', 'a', 'pre', 'code', 'img', 'tt', 'div', 'ins', 'del', 'sup', 'sub', 'p',
  'ol', 'ul', 'table', 'thead', 'tbody', 'tfoot', 'blockquote', 'dl', 'dt', 'dd', 'kbd', 'q', 'samp', 'var', 'hr',
  'ruby', 'rt', 'rp', 'li', 'tr', 'td', 'th', 's', 'strike', 'summary', 'details', 'caption', 'figure', 'figcaption',
  'abbr', 'bdo', 'cite', 'dfn', 'mark', 'small', 'span', 'time', 'wbr',
];

/**
 * `defaultSchema.attributes['*']` in HTML's spelling, less those that only mean something on a form
 * (`action`, `method`, `enctype`, `accept`, `accept-charset`: there are no forms to submit) and
 * `name`, kept on links only (on an image or a form it would overwrite `document.<name>` for the
 * preview's script).
 */
export const ALLOWED_GLOBAL_ATTRIBUTES = [
  'abbr', 'accesskey', 'align', 'alt', 'aria-describedby', 'aria-hidden', 'aria-label', 'aria-labelledby', 'axis',
  'border', 'cellpadding', 'cellspacing', 'char', 'charoff', 'charset', 'checked', 'clear', 'cols', 'colspan', 'color',
  'compact', 'coords', 'datetime', 'dir', 'disabled', 'for', 'frame', 'headers', 'height', 'hreflang', 'hspace',
  'ismap', 'id', 'label', 'lang', 'maxlength', 'media', 'multiple', 'nohref', 'noshade', 'nowrap', 'open', 'prompt',
  'readonly', 'rel', 'rev', 'rows', 'rowspan', 'rules', 'scope', 'selected', 'shape', 'size', 'span', 'start',
  'summary', 'tabindex', 'target', 'title', 'type', 'usemap', 'valign', 'value', 'vspace', 'width', 'itemprop',
];

/**
 * `defaultSchema.attributes` per element (`loading` on images is healthmd's own Markdown output),
 * plus `reversed` on ordered lists: without it a count-down list (`<ol reversed>`, "3. 2. 1.")
 * shows its items with the wrong numbers.
 */
export const ALLOWED_TAG_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'name'],
  ol: ['reversed'],
  img: ['src', 'longdesc', 'loading'],
  div: ['itemscope', 'itemtype'],
  blockquote: ['cite'],
  del: ['cite'],
  ins: ['cite'],
  q: ['cite'],
};

/**
 * `defaultSchema.protocols`, for every URL attribute: GitHub's href schemes less xmpp: and irc:
 * (link-safety refuses schemes it does not know), plus tel: and sms: for phone lines.
 */
export const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel', 'sms'];

/**
 * Elements whose content is not words a reader sees: code (`script`, `style`), markup for when
 * scripts are off or never shown (`noscript`, `template`, `title`), and the fallback of frames,
 * which browsers never display. They go with their content, in every mode.
 */
export const NOT_TEXT_TAGS = ['script', 'style', 'noscript', 'template', 'title', 'iframe', 'noembed', 'noframes', 'frameset'];

/** Elements that run code, load other documents, take input or change the page: never published, in any mode. */
export const ACTIVE_TAGS = new Set([
  ...NOT_TEXT_TAGS, 'frame', 'object', 'embed', 'applet', 'portal', 'form', 'input', 'button', 'textarea', 'select',
  'option', 'optgroup', 'link', 'meta', 'base', 'svg', 'math',
]);

/** Attributes that hold a URL a browser follows or fetches. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'cite', 'longdesc', 'action', 'formaction', 'data', 'poster', 'background', 'srcset', 'xlink:href', 'ping']);

export interface RawAttribute {
  name: string;
  value?: string;
}

/** The parts of one raw start tag that no mode publishes: event handlers, styles and unsafe URLs. */
export function activeAttributes(tag: string, attributes: readonly RawAttribute[]): string[] {
  const parts: string[] = [];
  for (const { name, value } of attributes) {
    if (name.startsWith('on')) parts.push(`${name} (an event handler)`);
    else if (name === 'style') parts.push('style (a style)');
    else if (value !== undefined && URL_ATTRIBUTES.has(name)) {
      const url = classifyUrl(value, tag === 'img' && name === 'src' ? 'image' : 'link');
      if (url.kind === 'unsafe') parts.push(`${name} (${url.reason})`);
    }
  }
  return parts;
}

/** The attributes of one raw start tag that `html: sanitize` removes (the allowlist's, its unsafe URLs, every class). */
export function removedAttributes(tag: string, attributes: readonly RawAttribute[]): string[] {
  const active = activeAttributes(tag, attributes);
  const activeNames = new Set(active.map((part) => part.split(' ', 1)[0]));
  const other = attributes
    .filter((a) => !activeNames.has(a.name) && !ALLOWED_GLOBAL_ATTRIBUTES.includes(a.name) && !ALLOWED_TAG_ATTRIBUTES[tag]?.includes(a.name))
    .map((a) => a.name);
  return [...active, ...other];
}

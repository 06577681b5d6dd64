import { parseFragment } from 'parse5';
import { attr, byTag, elements, parseHtml, type Element } from './html.js';

/** Elements that run code, load other documents or change where the page's links go. */
const ACTIVE_TAGS = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'base', 'link', 'meta', 'svg', 'math', 'template', 'noscript']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'background', 'cite', 'data', 'xlink:href', 'ping']);
const RASTER_DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|avif)[;,]/;

export interface ActiveContentOptions {
  /**
   * The HTML is a whole page, parsed as a document: its JSON-LD script and the head's own meta
   * and link elements (not http-equiv) are the template's, not active content.
   */
  page?: boolean;
  /** data: URLs of raster images are fine (an image inlined by --single-file or written so). */
  allowDataImages?: boolean;
}

/** What a browser would make of a URL's scheme: whitespace and control characters dropped, lower case. */
function scheme(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

/**
 * Everything in the HTML that can run code, load another document or restyle the page: active
 * elements, event handlers, style attributes and javascript:/vbscript:/data:/file: URLs. Parsed by
 * parse5 as a browser would parse it, so what the string merely looks like does not matter.
 */
export function activeContent(html: string, options: ActiveContentOptions = {}): string[] {
  const root = options.page ? parseHtml(html) : (parseFragment(html) as unknown as Element);
  const head = options.page ? new Set(elements(byTag(root, 'head')[0] ?? root)) : new Set<Element>();
  const found: string[] = [];
  for (const element of elements(root)) {
    const tag = element.tagName!;
    const isJsonLd = options.page === true && tag === 'script' && attr(element, 'type') === 'application/ld+json';
    const isHeadMeta = (tag === 'meta' || tag === 'link') && !attr(element, 'http-equiv') && head.has(element);
    if (ACTIVE_TAGS.has(tag) && !isJsonLd && !isHeadMeta) found.push(`<${tag}>`);
    for (const { name, value } of element.attrs ?? []) {
      const url = scheme(value);
      if (/^on/i.test(name) || name === 'style') found.push(`<${tag} ${name}>`);
      else if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data|file):/.test(url) && !(options.allowDataImages && RASTER_DATA_IMAGE.test(url))) {
        found.push(`<${tag} ${name}="${value}">`);
      }
    }
  }
  return found;
}

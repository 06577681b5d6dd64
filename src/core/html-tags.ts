import type { HtmlRef } from './markdown.js';

export interface HtmlAttribute {
  /** Lower-case name. */
  name: string;
  /** The value as written (entities not decoded); undefined for a bare attribute (`<img alt>`). */
  value?: string;
  /** Offset of the attribute name in the scanned text. */
  start: number;
}

export interface HtmlTag {
  /** `start` (`<img …>`), `end` (`</div>`) or `declaration` (`<!DOCTYPE …>`, `<?php …?>`, `<![CDATA[…]]>`). */
  kind: 'start' | 'end' | 'declaration';
  /** Lower-case tag name; for declarations the opening characters (`!doctype`, `?php`, `![cdata[`). */
  name: string;
  attributes: HtmlAttribute[];
  /** Offsets of the tag in the scanned text (end exclusive). */
  start: number;
  end: number;
}

const NAME_START = /[A-Za-z]/;
const SPACE = /[\s/]/;

/**
 * The tags in a piece of raw HTML, comments skipped. Lenient the way browsers are: attribute values
 * may be quoted or not, `/` separates attributes (`<img/src=…>`), and an unclosed tag runs to the
 * end of the text, so a rule sees every attribute a browser would act on.
 */
export function scanTags(html: string): HtmlTag[] {
  const tags: HtmlTag[] = [];
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length) {
    const next = html[i + 1] ?? '';
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close === -1 ? html.length : close + 3;
    } else if (next === '!' || next === '?') {
      const close = html.startsWith('<![CDATA[', i) ? html.indexOf(']]>', i) : html.indexOf('>', i);
      const end = close === -1 ? html.length : html.indexOf('>', close) + 1;
      const name = /^<([!?](?:\[cdata\[|[a-z]*))/i.exec(html.slice(i))?.[1].toLowerCase() ?? next;
      tags.push({ kind: 'declaration', name, attributes: [], start: i, end });
      i = end;
    } else if (next === '/' && NAME_START.test(html[i + 2] ?? '')) {
      const close = html.indexOf('>', i);
      const end = close === -1 ? html.length : close + 1;
      const name = /^<\/([A-Za-z][^\s/>]*)/.exec(html.slice(i))![1].toLowerCase();
      tags.push({ kind: 'end', name, attributes: [], start: i, end });
      i = end;
    } else if (NAME_START.test(next)) {
      const tag = startTag(html, i);
      tags.push(tag);
      i = tag.end;
    } else {
      i += 1;
    }
    i = html.indexOf('<', i);
  }
  return tags;
}

function startTag(html: string, start: number): HtmlTag {
  let i = start + 1;
  while (i < html.length && !SPACE.test(html[i]) && html[i] !== '>') i++;
  const name = html.slice(start + 1, i).toLowerCase();
  const attributes: HtmlAttribute[] = [];
  while (i < html.length) {
    while (i < html.length && SPACE.test(html[i])) i++;
    if (i >= html.length || html[i] === '>') break;
    const nameStart = i;
    // The first character may be '=' (browsers read it as part of the name).
    i++;
    while (i < html.length && !SPACE.test(html[i]) && html[i] !== '>' && html[i] !== '=') i++;
    const attribute: HtmlAttribute = { name: html.slice(nameStart, i).toLowerCase(), start: nameStart };
    let j = i;
    while (j < html.length && /\s/.test(html[j])) j++;
    if (html[j] === '=') {
      j++;
      while (j < html.length && /\s/.test(html[j])) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        const end = close === -1 ? html.length : close;
        attribute.value = html.slice(j + 1, end);
        i = Math.min(end + 1, html.length);
      } else {
        let k = j;
        while (k < html.length && !/[\s>]/.test(html[k])) k++;
        attribute.value = html.slice(j, k);
        i = k;
      }
    }
    attributes.push(attribute);
  }
  return { kind: 'start', name, attributes, start, end: Math.min(i + 1, html.length) };
}

/** The first attribute of a name (browsers ignore repeats). */
export function attribute(tag: HtmlTag, name: string): HtmlAttribute | undefined {
  return tag.attributes.find((a) => a.name === name);
}

export interface BodyTag extends HtmlTag {
  /** The raw HTML token the tag was found in. */
  html: HtmlRef;
}

const cache = new WeakMap<readonly HtmlRef[], BodyTag[]>();

/** Every tag in an article's raw HTML (block and inline, comments skipped), with offsets in the body. Scanned once per article. */
export function bodyTags(article: { html: readonly HtmlRef[] }): BodyTag[] {
  let tags = cache.get(article.html);
  if (!tags) {
    tags = article.html.flatMap((html) =>
      scanTags(html.raw).map((tag) => ({
        ...tag,
        start: html.start + tag.start,
        end: html.start + tag.end,
        attributes: tag.attributes.map((a) => ({ ...a, start: html.start + a.start })),
        html,
      })),
    );
    cache.set(article.html, tags);
  }
  return tags;
}

const anchors = new WeakMap<readonly HtmlRef[], ReadonlySet<string>>();

/**
 * The anchors an article's raw HTML gives its page where `html: sanitize` keeps it as written: an
 * element's `id` (`<h2 id="treating">`, `<p id="dose">`) and a link's `name` (`<a name="dose">`, the
 * old way to mark a place); not what a comment holds. internal-links accepts a link to them, and
 * footnotes take ids apart from them.
 */
export function rawHtmlIds(article: { html: readonly HtmlRef[] }): ReadonlySet<string> {
  let ids = anchors.get(article.html);
  if (!ids) {
    const found = new Set<string>();
    for (const tag of bodyTags(article)) {
      if (tag.kind !== 'start') continue;
      const id = attribute(tag, 'id')?.value ?? (tag.name === 'a' ? attribute(tag, 'name')?.value : undefined);
      if (id) found.add(id);
    }
    anchors.set(article.html, (ids = found));
  }
  return ids;
}

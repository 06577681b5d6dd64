import { parse } from 'parse5';

/** A parsed HTML element, as much of parse5's tree as the tests need. */
export interface Element {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Element[];
  content?: Element;
  value?: string;
}

export function parseHtml(html: string): Element {
  return parse(html) as unknown as Element;
}

/** Every element of the tree, in document order (template contents included). */
export function elements(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: Element) => {
    if (node.tagName) found.push(node);
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(root);
  return found;
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs?.find((a) => a.name === name)?.value;
}

export function hasClass(element: Element, name: string): boolean {
  return (attr(element, 'class') ?? '').split(/\s+/).includes(name);
}

/** The text of an element with whitespace collapsed. */
export function text(element: Element): string {
  let out = '';
  const walk = (node: Element) => {
    if (node.nodeName === '#text') out += node.value ?? '';
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(element);
  return out.replace(/\s+/g, ' ').trim();
}

export function byTag(root: Element, tag: string): Element[] {
  return elements(root).filter((e) => e.tagName === tag);
}

export function byClass(root: Element, name: string): Element[] {
  return elements(root).filter((e) => hasClass(e, name));
}

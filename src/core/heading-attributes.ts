/**
 * Attribute lists as Hugo (goldmark), kramdown and Pandoc read them: `## Dosage {#dose}`,
 * `{#dose .wide}`, `{.wide}`, kramdown's `{: #dose}`, and kramdown's block attribute lines
 * (`{: .note}`, `{:toc}`) on a line of their own after a block.
 *
 * An id is one or more letters, digits (any script), `_`, `-`, `:` or `.`: goldmark's set, which
 * holds kramdown's `[\w-]` and never holds white space, quotes, `#`, `<` or `&`, so it is a valid
 * HTML id and a fragment that needs no escaping. Classes and other attributes are markup for the
 * old site's theme and are not published (a class from another theme could hide the words).
 */

/** What an attribute list says. */
export interface Attributes {
  /** The `#id` it sets (the last one, as goldmark and kramdown take it). */
  id?: string;
}

const ID = /^[\p{L}\p{N}_:.-]+$/u;
const CLASS = /^[\p{L}\p{N}_-]+$/u;
const NAME = /^[\p{L}\p{N}_][\p{L}\p{N}_-]*$/u;
const KEY_VALUE = /^([\p{L}_][\p{L}\p{N}_:.-]*)=(?:"[^"]*"|'[^']*'|[^\s"'=<>`{}]+)$/u;
/** An attribute item: `"…"` or `'…'` stays whole, anything else ends at white space. */
const ITEM = /"[^"]*"|'[^']*'|[^\s"']+/gu;
/** Longer lists are prose, not markup; the bound keeps a line of braces linear. */
const MAX_LIST = 200;

/**
 * The attributes of `{…}` (without its braces, `inner`), or undefined where it is not an attribute
 * list: an item other than `#id`, `.class` or `key=value`, or no item at all. kramdown's lists
 * (`inner` starting with `:`) may also name an attribute definition (`toc`), and may be empty.
 */
export function parseAttributeList(inner: string): Attributes | undefined {
  const kramdown = inner.startsWith(':');
  const items = joinQuoted((kramdown ? inner.slice(1) : inner).match(ITEM) ?? []);
  if (items.length === 0 && !kramdown) return undefined;
  const attributes: Attributes = {};
  for (const item of items) {
    if (item.startsWith('#') && ID.test(item.slice(1))) attributes.id = item.slice(1);
    else if (item.startsWith('.') && CLASS.test(item.slice(1))) continue;
    else if (KEY_VALUE.test(item)) continue;
    else if (kramdown && NAME.test(item)) continue;
    else return undefined;
  }
  return attributes;
}

/** `key="a b"` is matched as `key=` and `"a b"`: one item again. */
function joinQuoted(parts: string[]): string[] {
  const items: string[] = [];
  for (const part of parts) {
    const last = items.at(-1);
    if ((part.startsWith('"') || part.startsWith("'")) && last?.endsWith('=')) items[items.length - 1] = last + part;
    else items.push(part);
  }
  return items;
}

/** A heading's text split from the attribute list that ends it. */
export interface HeadingAttributes extends Attributes {
  /** The heading's text without the list and the blanks before it. */
  text: string;
  /** Where the list (its `{`) starts in the text given. */
  at: number;
}

/**
 * The attribute list at the end of a heading's text (`Dosage {#dose}`), or undefined where the
 * text does not end with one. Braces inside code (`` `{#x}` ``) or escaped (`\{#x}`) are text;
 * so is a list that is the whole heading, which would leave it with no words.
 */
export function headingAttributes(text: string): HeadingAttributes | undefined {
  const end = text.trimEnd();
  if (!end.endsWith('}')) return undefined;
  const at = end.lastIndexOf('{');
  // kramdown wants a blank before the list (`Vitamin{#x}` is a word), which also rules out `\{#x}`.
  if (at <= 0 || end.length - at > MAX_LIST || !/\s/.test(end[at - 1])) return undefined;
  const inner = end.slice(at + 1, -1);
  if (inner.includes('{') || inner.includes('`')) return undefined;
  const attributes = parseAttributeList(inner);
  if (!attributes) return undefined;
  const rest = end.slice(0, at).trimEnd();
  if (rest === '' || oddBackticks(rest)) return undefined;
  return { ...attributes, text: rest, at };
}

function oddBackticks(text: string): boolean {
  let count = 0;
  for (const char of text) if (char === '`') count++;
  return count % 2 === 1;
}

/**
 * A kramdown block attribute line: `{: .note}`, `{:toc}`, `{: #dose}` on a line of its own (up
 * to three spaces before it). It sets attributes of the block before it, and is never text.
 */
export function blockAttributeLine(line: string): Attributes | undefined {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{:') || !trimmed.endsWith('}') || trimmed.length > MAX_LIST || /^ {4}/.test(line)) return undefined;
  const inner = trimmed.slice(1, -1);
  if (inner.includes('{') || inner.includes('}')) return undefined;
  return parseAttributeList(inner);
}

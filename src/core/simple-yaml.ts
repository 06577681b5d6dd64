import type { Place } from './diagnostic.js';
import type { KeyPlace } from './front-matter.js';

/**
 * Parses the flat front matter nearly every article has — `key: value` lines, block lists of
 * `- item`, one-line flow lists `[a, b]`, plain or quoted one-line strings, whole-line and trailing
 * comments — with the same data and places the `yaml` package gives, in a fraction of the time.
 *
 * Returns undefined for anything outside that subset, so that the full YAML parser (with its
 * duplicate-key, alias, tag and nesting checks, and its error messages) decides. Every doubt falls
 * back: the result must never differ from the full parser's.
 */
export function parseSimpleYaml(
  yaml: string,
  firstLine: number,
): { data: Record<string, unknown>; places: Record<string, KeyPlace> } | undefined {
  // Tabs, stray carriage returns, control characters and the characters YAML or JavaScript treat
  // specially (BOM, line and paragraph separators, lone surrogates) are left to the full parser.
  if (UNSAFE_CHARACTER.test(yaml)) return undefined;
  const lines = yaml.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  // Plain objects, as the yaml package makes (`__proto__` is refused below): copying objects made
  // without a prototype took half the time of a 15-line front matter.
  const data: Record<string, unknown> = {};
  const places: Record<string, KeyPlace> = {};
  // The list being filled by `- item` lines, and the indent its items share.
  let list: { values: string[]; place: KeyPlace; indent: number } | undefined;
  let open: { key: string; place: KeyPlace } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].endsWith('\r') ? lines[index].slice(0, -1) : lines[index];
    if (line.includes('\r') || line.endsWith(' ')) return undefined;
    const lineNumber = index + firstLine;
    if (line === '' || line.startsWith('#')) continue;
    const item = ITEM.exec(line);
    if (item) {
      const indent = item[1].length;
      if (open) {
        list = { values: [], place: open.place, indent };
        open.place.value = { line: lineNumber, column: indent + 1 };
        open.place.items = [];
        data[open.key] = list.values;
        open = undefined;
      }
      if (!list || indent !== list.indent) return undefined;
      const start = indent + item[2].length;
      const value = blockScalar(line, start);
      if (value === undefined) return undefined;
      list.values.push(value);
      list.place.items!.push({ line: lineNumber, column: start + 1 });
      continue;
    }
    const pair = PAIR.exec(line);
    // A new key while the previous one still waits for its first item: that value is null in YAML.
    if (!pair || open) return undefined;
    list = undefined;
    const key = pair[1];
    if (Object.hasOwn(data, key) || key === '__proto__' || resolvesToNonString(key)) return undefined;
    const keyPlace: Place = { line: lineNumber, column: 1 };
    if (pair[2] === undefined) {
      open = { key, place: { key: keyPlace, value: keyPlace } };
      places[key] = open.place;
      // Marks the key as seen; the list replaces it at its first item.
      data[key] = null;
      continue;
    }
    const start = key.length + 1 + pair[2].length;
    const place: KeyPlace = { key: keyPlace, value: { line: lineNumber, column: start + 1 } };
    if (line[start] === '[') {
      const flow = flowList(line, start);
      if (!flow) return undefined;
      data[key] = flow.values;
      place.items = flow.columns.map((column) => ({ line: lineNumber, column }));
    } else {
      const value = blockScalar(line, start);
      if (value === undefined) return undefined;
      data[key] = value;
    }
    places[key] = place;
  }
  if (open) return undefined;
  // No keys at all is null in YAML (an empty document): the full parser decides what that means.
  if (Object.keys(data).length === 0) return undefined;
  return { data, places };
}

const UNSAFE_CHARACTER = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\r(?!\n)/;
const PAIR = /^([A-Za-z_][A-Za-z0-9_-]{0,127}):(?:( +)\S.*)?$/;
const ITEM = /^( *)(- +)(?=[^ ])/;
/** Characters that start something other than a plain scalar (or may, in some context). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** The scalars YAML's core schema reads as null, booleans or numbers rather than as text. */
const NON_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** The characters a NON_STRING scalar can start with: any other first character makes text, tested at once. */
const NON_STRING_START = /^[~nNtTfF0-9+.-]/;

function resolvesToNonString(plain: string): boolean {
  return (plain === '' || NON_STRING_START.test(plain)) && NON_STRING.some((test) => test.test(plain));
}

/** A one-line scalar in block context from `start` to the end of the line or a ` #` comment. */
function blockScalar(line: string, start: number): string | undefined {
  const first = line[start];
  if (first === '"' || first === "'") {
    const quoted = quotedScalar(line, start);
    if (!quoted || !endsLine(line, quoted.end)) return undefined;
    return quoted.value;
  }
  const comment = line.indexOf(' #', start);
  const plain = comment === -1 ? line.slice(start) : trimSpaces(line.slice(start, comment));
  if (INDICATOR.test(plain) || /: |:$|[[\]{}]/.test(plain) || resolvesToNonString(plain)) return undefined;
  return plain;
}

/** A one-line flow list `[a, 'b', "c"]` of scalars, with the column of each item. */
function flowList(line: string, start: number): { values: string[]; columns: number[] } | undefined {
  const values: string[] = [];
  const columns: number[] = [];
  let at = skipSpaces(line, start + 1);
  if (line[at] === ']') return endsLine(line, at + 1) ? { values, columns } : undefined;
  for (;;) {
    columns.push(at + 1);
    const first = line[at];
    if (first === '"' || first === "'") {
      const quoted = quotedScalar(line, at);
      if (!quoted) return undefined;
      values.push(quoted.value);
      at = skipSpaces(line, quoted.end);
    } else {
      const match = /^[^,[\]{}#:]*/.exec(line.slice(at))![0];
      const plain = trimSpaces(match);
      if (plain === '' || INDICATOR.test(plain) || resolvesToNonString(plain)) return undefined;
      values.push(plain);
      at += match.length;
    }
    if (line[at] === ']') return endsLine(line, at + 1) ? { values, columns } : undefined;
    if (line[at] !== ',') return undefined;
    at = skipSpaces(line, at + 1);
    // `[a, ]` and `[a,,b]` are left to the full parser.
    if (line[at] === ']' || line[at] === ',' || at >= line.length) return undefined;
  }
}

/** A single- or double-quoted scalar closed on the same line; double quotes with escapes are refused. */
function quotedScalar(line: string, start: number): { value: string; end: number } | undefined {
  const quote = line[start];
  if (quote === '"') {
    const close = line.indexOf('"', start + 1);
    if (close === -1) return undefined;
    const value = line.slice(start + 1, close);
    if (value.includes('\\')) return undefined;
    return { value, end: close + 1 };
  }
  let value = '';
  let at = start + 1;
  for (;;) {
    const close = line.indexOf("'", at);
    if (close === -1) return undefined;
    value += line.slice(at, close);
    if (line[close + 1] !== "'") return { value, end: close + 1 };
    value += "'";
    at = close + 2;
  }
}

/** Whether only nothing or a ` # comment` follows `at`. */
function endsLine(line: string, at: number): boolean {
  return at === line.length || (line[at] === ' ' && line[skipSpaces(line, at)] === '#');
}

/**
 * Drops trailing spaces only. YAML separates with spaces and tabs, never with other Unicode spaces,
 * so `a\u00a0 # c` is `a\u00a0`: String#trimEnd would take the no-break space as well.
 */
function trimSpaces(text: string): string {
  let end = text.length;
  while (text[end - 1] === ' ') end--;
  return text.slice(0, end);
}

function skipSpaces(line: string, at: number): number {
  while (line[at] === ' ') at++;
  return at;
}

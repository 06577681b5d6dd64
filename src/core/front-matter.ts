import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import type { Place } from './diagnostic.js';
import { parseSimpleYaml } from './simple-yaml.js';

/** Where a front-matter key, its value and (for lists) each item stand in the file. */
export interface KeyPlace {
  key: Place;
  value: Place;
  /** One place per list item when the value is a list. */
  items?: Place[];
}

/** A key written twice: the last value is used, as Jekyll (and every YAML reader that allows it) does. */
export interface DuplicateKey {
  key: string;
  /** Where the key is first written (its value is not used). */
  first: Place;
  /** Where it is written again (the value used). */
  again: Place;
}

export interface FrontMatter {
  data: Record<string, unknown>;
  places: Record<string, KeyPlace>;
  /** Canonical keys read from another name (`description` from `meta-description`): canonical -> the name as written. */
  spelled?: Record<string, string>;
  /** Keys written more than once (front-matter-valid reports them, not fatally). */
  duplicates?: DuplicateKey[];
  /** The YAML text between the fences. */
  yaml: string;
  /** Offsets in the file text: the YAML text spans [start, end). */
  start: number;
  end: number;
}

/** A front-matter problem: always reported by front-matter-valid, always fatal. */
export interface FrontMatterProblem {
  messageId: string;
  message: string;
  place: Place;
}

export interface SplitResult {
  frontMatter?: FrontMatter;
  problem?: FrontMatterProblem;
  /** Offset in the file text where the Markdown body starts. */
  bodyStart: number;
}

/** Front matter larger than this is refused before YAML sees it. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/** Deeper nesting than this is refused: front matter is a flat record, and deep flow collections can exhaust the stack. */
export const MAX_NESTING = 32;

const OPEN = /^(---|\+\+\+|;;;)([^\r\n]*)(\r?\n|$)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*\r?$/gm;

/**
 * Splits a file into YAML front matter and body, and parses the YAML safely: only the YAML core
 * schema (dates stay strings), no aliases, no custom tags, unique keys, bounded size and nesting.
 * Other engines (`---js`, `---coffee`, TOML's `+++`, …) are refused; nothing in them ever runs.
 */
export function splitFrontMatter(text: string): SplitResult {
  const open = OPEN.exec(text);
  if (!open) return { bodyStart: 0 };
  const [whole, fence, info, newline] = open;
  const language = info.trim();
  if (fence !== '---' || (language !== '' && language.toLowerCase() !== 'yaml')) {
    const name = fence === '---' ? language : fence === '+++' ? 'TOML (+++)' : 'JSON (;;;)';
    return {
      bodyStart: 0,
      problem: {
        messageId: 'engine',
        message: `Front matter in ${name} is not supported: healthmd reads YAML only and never runs front-matter code. Use a plain '---' fence with YAML.`,
        place: { line: 1, column: fence === '---' ? 4 : 1 },
      },
    };
  }
  if (!newline) {
    return { bodyStart: text.length, problem: unclosed() };
  }
  const start = whole.length;
  CLOSE.lastIndex = start;
  const close = CLOSE.exec(text);
  if (!close) return { bodyStart: text.length, problem: unclosed() };
  const end = close.index;
  let bodyStart = end + close[0].length;
  if (text[bodyStart] === '\n') bodyStart += 1;
  const yaml = text.slice(start, end);
  const firstLine = 2;
  // Most front matter is a flat list of simple keys; the full YAML parser runs only for the rest.
  const simple = yaml.length <= MAX_FRONT_MATTER_CHARS ? parseSimpleYaml(yaml, firstLine) : undefined;
  const result = simple ?? parseYaml(yaml, firstLine);
  if ('problem' in result) return { bodyStart, problem: result.problem };
  return { bodyStart, frontMatter: { ...result, yaml, start, end } };
}

function unclosed(): FrontMatterProblem {
  return {
    messageId: 'unclosed',
    message: "Front matter is not closed: add a line with '---' after the last key.",
    place: { line: 1, column: 1 },
  };
}

function nestingDepth(yaml: string): number {
  let depth = 0;
  let max = 0;
  let quote = '';
  for (let i = 0; i < yaml.length; i++) {
    const c = yaml[i];
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") {
      // A quote starts a scalar only at a value position; an apostrophe inside a word is text.
      const before = yaml[i - 1];
      if (before === undefined || /[\s[{,:]/.test(before)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(yaml[i - 1]))) {
      const newline = yaml.indexOf('\n', i);
      i = newline === -1 ? yaml.length : newline;
    } else if (c === '[' || c === '{') {
      max = Math.max(max, ++depth);
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
  }
  // Block nesting: each level is indented further than the one holding it, and a line at or left of
  // an open level closes it. Count the levels open at once, not the distinct indents in the file:
  // 33 keys each holding a list at its own indent nest two deep, as YAML reads them.
  const open: number[] = [];
  for (const line of yaml.split('\n')) {
    const indent = /^( *)(?:- +)*/.exec(line)![0].length;
    if (!line.trim()) continue;
    while (open.length > 0 && open[open.length - 1] >= indent) open.pop();
    open.push(indent);
    max = Math.max(max, open.length);
  }
  return max;
}

export type Parsed = { data: Record<string, unknown>; places: Record<string, KeyPlace>; duplicates?: DuplicateKey[] } | { problem: FrontMatterProblem };

/** The full YAML parser, with every safety check; exported so tests can compare the fast path with it. */
export function parseYaml(yaml: string, firstLine: number): Parsed {
  const at = (offset: number, lines: LineCounter): Place => {
    const { line, col } = lines.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
  let lines = new LineCounter();
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    return problem('too-large', `Front matter is ${yaml.length} characters; the limit is ${MAX_FRONT_MATTER_CHARS}. Move long text into the body.`, { line: firstLine, column: 1 });
  }
  if (nestingDepth(yaml) > MAX_NESTING) {
    return problem('too-deep', `Front matter nests deeper than ${MAX_NESTING} levels; front matter should be a flat list of keys.`, { line: firstLine, column: 1 });
  }
  let doc;
  const read = (uniqueKeys: boolean) =>
    parseDocument(yaml, {
      schema: 'core',
      merge: false,
      uniqueKeys,
      strict: true,
      prettyErrors: false,
      // A collection used as a key is reported below as a finding, not as a Node warning on stderr.
      logLevel: 'error',
      lineCounter: lines,
      customTags: [],
    });
  try {
    doc = read(true);
    // A duplicate key is read as Jekyll reads it (the last value wins) and reported apart: it is no reason to leave a file out.
    if (doc.errors.length > 0 && doc.errors.every((error) => error.code === 'DUPLICATE_KEY')) {
      lines = new LineCounter();
      doc = read(false);
    }
  } catch (error) {
    return problem('yaml', `Front matter could not be parsed: ${(error as Error).message}`, { line: firstLine, column: 1 });
  }
  const first = doc.errors.find((error) => error.code !== 'DUPLICATE_KEY') ?? doc.errors[0] ?? doc.warnings[0];
  if (first?.code === 'MISSING_CHAR' && /quote/.test(first.message)) {
    const quoted = quotedContinuations(yaml);
    if (quoted.unclosed) {
      const { line, column, quote } = quoted.unclosed;
      return problem('yaml', `Invalid YAML in front matter: the ${quote === '"' ? 'double' : 'single'}-quoted value that opens here is never closed: add the closing ${quote}`, {
        line: line + firstLine,
        column: column + 1,
      });
    }
    if (quoted.text !== yaml) return parseYaml(quoted.text, firstLine);
  }
  if (first) {
    const message = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    const messageId = first.code === 'DUPLICATE_KEY' ? 'duplicate-key' : first.code === 'TAG_RESOLVE_FAILED' ? 'tag' : 'yaml';
    return problem(messageId, `Invalid YAML in front matter: ${message}`, at(first.pos[0], lines));
  }
  let alias: number | undefined;
  let tag: { offset: number; name: string } | undefined;
  visit(doc, {
    Alias(_, node) {
      alias ??= node.range?.[0] ?? 0;
      return visit.BREAK;
    },
    Node(_, node) {
      if (node.tag && !tag) tag = { offset: node.range?.[0] ?? 0, name: node.tag };
    },
  });
  if (alias !== undefined) {
    return problem('alias', 'YAML aliases (*name) are not allowed in front matter; write the value out.', at(alias, lines));
  }
  if (tag) {
    return problem('tag', `YAML tags (${tag.name}) are not allowed in front matter; remove the tag.`, at(tag.offset, lines));
  }
  if (doc.contents === null) return { data: {}, places: {} };
  if (!isMap(doc.contents)) {
    return problem('not-a-map', 'Front matter must be a list of `key: value` lines.', at(doc.contents.range?.[0] ?? 0, lines));
  }
  const data = doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
  const places: Record<string, KeyPlace> = {};
  const duplicates: DuplicateKey[] = [];
  for (const pair of doc.contents.items) {
    const keyNode = pair.key as YamlNode | null;
    if (!isScalar(keyNode) || typeof keyNode.value === 'object') {
      return problem('complex-key', 'Front matter keys must be plain names.', at(keyNode?.range?.[0] ?? 0, lines));
    }
    const key = String(keyNode.value);
    const valueNode = pair.value as YamlNode | null;
    const keyPlace = at(keyNode.range?.[0] ?? 0, lines);
    const place: KeyPlace = {
      key: keyPlace,
      value: valueNode?.range ? at(valueNode.range[0], lines) : keyPlace,
    };
    if (isSeq(valueNode)) {
      place.items = valueNode.items.map((item) => at((item as YamlNode).range?.[0] ?? valueNode.range?.[0] ?? 0, lines));
    }
    const earlier = Object.hasOwn(places, key) ? places[key] : undefined;
    if (earlier) duplicates.push({ key, first: duplicates.find((d) => d.key === key)?.first ?? earlier.key, again: keyPlace });
    places[key] = place;
  }
  return duplicates.length > 0 ? { data, places, duplicates } : { data, places };
}

/** A top-level `key: "…` or `key: '…` line: the quote opens at the end of the match. */
const QUOTED_VALUE = /^[^\s#'"][^:]*:[ \t]+(["'])/;

/** Where the quoted scalar opened at `from` (just past its quote) closes on `line`: the index of the closing quote, or -1. */
function closingQuote(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * Quoted values of top-level keys that go on over lines which are not indented, as Jekyll and
 * Eleventy sites write long titles (`title: "Flu shots in` / `2024"`). YAML 1.2 wants such lines
 * indented and the parser refuses them; libyaml and js-yaml read them, folding each line break into
 * a space. `text` indents them by one space, which changes no line number and no value; `unclosed`
 * is where a quote opens that nothing closes.
 */
function quotedContinuations(yaml: string): { text: string; unclosed?: { line: number; column: number; quote: string } } {
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = QUOTED_VALUE.exec(lines[i]);
    if (!match) continue;
    const quote = match[1];
    if (closingQuote(lines[i], match[0].length, quote) !== -1) continue;
    let end = i + 1;
    while (end < lines.length && closingQuote(lines[end], 0, quote) === -1) end++;
    if (end === lines.length) return { text: yaml, unclosed: { line: i, column: match[0].length - 1, quote } };
    for (let j = i + 1; j <= end; j++) if (lines[j] !== '' && !/^[ \t]/.test(lines[j])) lines[j] = ` ${lines[j]}`;
    i = end;
  }
  return { text: lines.join('\n') };
}

function problem(messageId: string, message: string, place: Place): { problem: FrontMatterProblem } {
  return { problem: { messageId, message, place } };
}


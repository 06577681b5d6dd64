import { isCollection, isMap, isScalar, parseDocument, visit, type Node as YamlNode, type Pair } from 'yaml';
import { scalarText, type QuoteStyle, type ScalarStyle } from './scalar-text.js';

/** A top-level front-matter key to set to a one-line string. */
export interface FrontMatterUpdate {
  key: string;
  value: string;
  /** When the key is missing, add it after this key if that one exists (else after the last key). */
  after?: string;
}

/** Where the YAML sits in the file: the text between the fences and its offset. */
export interface FrontMatterSpan {
  yaml: string;
  start: number;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Sets top-level string values in a file's YAML front matter by editing only the bytes of those
 * values (the ranges the yaml parser reports), so comments, key order, quoting, list styles, blank
 * lines, line endings and the body stay exactly as they were. Missing keys are added on new lines
 * after the last key (or after `after`), indented like their siblings. Returns the new file text.
 */
export function editFrontMatter(source: string, span: FrontMatterSpan, updates: readonly FrontMatterUpdate[]): string {
  const { yaml } = span;
  const doc = parseDocument(yaml, { schema: 'core', uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) throw new Error(`front matter does not parse: ${doc.errors[0].message}`);
  const map = doc.contents;
  if (map !== null && !isMap(map)) throw new Error('front matter is not a set of keys');
  const newline = /\r\n$/.test(source.slice(0, span.start)) ? '\r\n' : '\n';
  const fallbackQuote = usualQuote(doc);
  const flow = Boolean(map?.flow);
  const edits: Edit[] = [];
  const inserts = new Map<number, { pair?: Pair; entries: FrontMatterUpdate[] }>();
  const pairs = new Map<string, Pair>();
  for (const pair of map?.items ?? []) {
    if (isScalar(pair.key)) pairs.set(String(pair.key.value), pair);
  }
  const last = map?.items.at(-1);

  for (const update of updates) {
    const pair = pairs.get(update.key);
    if (pair) {
      edits.push(replaceValue(yaml, pair, update.value, { flow, fallbackQuote }, newline));
      continue;
    }
    const anchor = (update.after && pairs.get(update.after)) || last;
    const at = anchor ? endOfPair(yaml, anchor, flow) : flow ? map!.range![0] + 1 : yaml.length;
    const group = inserts.get(at) ?? { pair: anchor, entries: [] };
    group.entries.push(update);
    inserts.set(at, group);
  }
  for (const [at, group] of inserts) {
    edits.push({ start: at, end: at, text: insertion(yaml, at, group.entries, group.pair, { flow, fallbackQuote }, newline) });
  }

  let text = yaml;
  for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end)) {
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  }
  return source.slice(0, span.start) + text + source.slice(span.start + yaml.length);
}

/** The quote style the file already uses most, so a value that must be quoted looks like its neighbours. */
function usualQuote(doc: ReturnType<typeof parseDocument>): QuoteStyle {
  let single = 0;
  let double = 0;
  visit(doc, {
    Scalar(_, node) {
      if (node.type === 'QUOTE_SINGLE') single++;
      else if (node.type === 'QUOTE_DOUBLE') double++;
    },
  });
  return single > double ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE';
}

function isEmptyValue(node: YamlNode | null): boolean {
  return !node?.range || (isScalar(node) && node.value === null && node.range[0] === node.range[1]);
}

/** The offset just after the `:` that follows a key. */
function afterColon(yaml: string, pair: Pair): number {
  const keyEnd = (pair.key as YamlNode).range?.[1] ?? 0;
  const match = /^[ \t]*:/.exec(yaml.slice(keyEnd));
  if (!match) throw new Error(`key ${String(pair.key)} has no ':'`);
  return keyEnd + match[0].length;
}

function replaceValue(yaml: string, pair: Pair, value: string, context: { flow: boolean; fallbackQuote: QuoteStyle }, newline: string): Edit {
  const node = pair.value as YamlNode | null;
  if (isEmptyValue(node)) {
    const at = afterColon(yaml, pair);
    return { start: at, end: at, text: ` ${scalarText(value, 'PLAIN', context)}` };
  }
  const [start, end] = node!.range!;
  if (isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL')) {
    return replaceBlockScalar(yaml, pair, start, end, value, newline);
  }
  if (isScalar(node)) {
    const style: ScalarStyle = node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE' ? node.type : 'PLAIN';
    return { start, end, text: scalarText(value, style, context) };
  }
  if (isCollection(node) && node.flow) return { start, end, text: scalarText(value, 'PLAIN', context) };
  // A block list or map under the key: the string takes its place on the key's line.
  const from = afterColon(yaml, pair);
  const to = start + yaml.slice(start, end).trimEnd().length;
  return { start: from, end: to, text: ` ${scalarText(value, 'PLAIN', context)}` };
}

/**
 * Keeps a `>`/`|` scalar a block scalar: the header (indicators, comment) and any blank lines
 * around the text stay; only the text lines are replaced by one line at the same indentation.
 */
function replaceBlockScalar(yaml: string, pair: Pair, start: number, end: number, value: string, newline: string): Edit {
  const headerEnd = yaml.indexOf('\n', start) + 1;
  const header = yaml.slice(start, headerEnd);
  const content = yaml.slice(headerEnd, end);
  const lines = content.split('\n');
  const isText = (line: string) => line.trim() !== '';
  const first = lines.findIndex(isText);
  // The indentation indicator sits among the indicators right after `>` or `|`, never in a comment.
  const explicit = /^[|>][+-]?([1-9])?/.exec(header)?.[1];
  const keyIndent = indentOf(yaml, (pair.key as YamlNode).range?.[0] ?? 0).length;
  if (first === -1) {
    const indent = ' '.repeat(keyIndent + (explicit ? Number(explicit) : 2));
    return { start: headerEnd, end: headerEnd, text: `${indent}${value}${newline}` };
  }
  let lastText = lines.length - 1;
  while (!isText(lines[lastText])) lastText--;
  const offsetOfLine = (index: number) => headerEnd + lines.slice(0, index).reduce((sum, line) => sum + line.length + 1, 0);
  const from = offsetOfLine(first);
  const to = offsetOfLine(lastText) + lines[lastText].replace(/\r$/, '').length;
  const indent = explicit ? ' '.repeat(keyIndent + Number(explicit)) : /^[ ]*/.exec(lines[first])![0];
  return { start: from, end: to, text: `${indent}${value}` };
}

/** The whitespace before the node starting at `offset` on its line. */
function indentOf(yaml: string, offset: number): string {
  const lineStart = yaml.lastIndexOf('\n', offset - 1) + 1;
  const before = yaml.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : '';
}

/** Where text added after a pair goes: in a block map the start of the next line, in a flow map right after the value. */
function endOfPair(yaml: string, pair: Pair, flow: boolean): number {
  const node = pair.value as YamlNode | null;
  const end = isEmptyValue(node) ? afterColon(yaml, pair) : node!.range![1];
  if (flow) return end;
  if (yaml[end - 1] === '\n') return end;
  const newline = yaml.indexOf('\n', end);
  return newline === -1 ? yaml.length : newline + 1;
}

function insertion(
  yaml: string,
  at: number,
  entries: FrontMatterUpdate[],
  anchor: Pair | undefined,
  context: { flow: boolean; fallbackQuote: QuoteStyle },
  newline: string,
): string {
  const texts = entries.map((entry) => `${entry.key}: ${scalarText(entry.value, 'PLAIN', context)}`);
  if (context.flow) return anchor ? `, ${texts.join(', ')}` : texts.join(', ');
  const indent = anchor ? indentOf(yaml, (anchor.key as YamlNode).range?.[0] ?? 0) : '';
  const lead = at > 0 && yaml[at - 1] !== '\n' ? newline : '';
  return lead + texts.map((text) => `${indent}${text}${newline}`).join('');
}

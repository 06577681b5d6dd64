import { decodeHTMLStrict } from 'entities/decode';
import { Lexer, Tokenizer, type MarkedOptions, type Token, type TokenizerExtensionFunction, type TokenizerStartFunction, type Tokens } from 'marked';
import { findAlerts, type AlertType } from './alerts.js';
import { withRaisedFigures } from './raised-figures.js';
import { definitionListTokenizer, mayHoldDefinitionList } from './definition-lists.js';
import { footnoteTokenizers, type FootnoteToken } from './footnotes.js';
import { blockAttributeLine, headingAttributes, type Attributes } from './heading-attributes.js';
import { scanInlineText } from './inline-text.js';
import { skipImpossibleSetext } from './setext-heading.js';

/** Offsets of a stretch of the (LF-normalised) body: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Heading {
  depth: number;
  /** Plain text of the heading, without an attribute list that ends it (`{#dose}`). */
  text: string;
  /** The id its attribute list sets (`## Dosage {#dose}`, or a `{: #dose}` line under it). */
  id?: string;
  /** Offsets of the attribute list ending the heading's line, which is markup, not words. */
  attributes?: Span;
  /** Offsets of the heading line in the body. */
  start: number;
  end: number;
  /** Index of the heading token in the top-level token list. */
  index: number;
  /** Top-level tokens of the section this heading owns (up to the next heading of the same or a higher level). */
  section: Token[];
  /** Offset where the section ends (exclusive). */
  sectionEnd: number;
}

export interface LinkRef {
  kind: 'link' | 'image';
  href: string;
  /** Link text, or the image's alt text. */
  text: string;
  title?: string | null;
  raw: string;
  start: number;
  end: number;
}

export interface HtmlRef {
  raw: string;
  block: boolean;
  comment: boolean;
  start: number;
  end: number;
}

/** A block of prose: a paragraph or a list item's text. Code, HTML and tables are not prose. */
export interface ProseBlock {
  /** Plain text, without Markdown syntax. */
  text: string;
  /** The Markdown source of the block. */
  raw: string;
  start: number;
  end: number;
}

/** A footnote's definition (`[^1]: Smith J…`), where it stands in the body. */
export interface FootnoteDefinition {
  label: string;
  /** Its `footnote` token, whose blocks are the note's text. */
  token: Token;
  start: number;
  end: number;
}

/** `[^label]` written where the article defines no such footnote: the page shows it as text. */
export interface UnresolvedFootnote {
  label: string;
  raw: string;
  start: number;
  end: number;
}

export interface MarkdownModel {
  tokens: Token[];
  /**
   * Where a token (at any depth) stands in the body. Offsets are kept beside marked's tokens, never
   * written onto them: marked reads its own fields there (a list's `start` is its first number).
   */
  spanOf(token: Token): Span;
  headings: Heading[];
  links: LinkRef[];
  html: HtmlRef[];
  prose: ProseBlock[];
  /** Footnote definitions in body order. */
  footnotes: FootnoteDefinition[];
  /** References to footnotes that no definition has. */
  unresolvedFootnotes: UnresolvedFootnote[];
  /** The quotes that are GitHub alerts (`> [!NOTE]`), their marker line taken out of their text. */
  alerts: ReadonlyMap<Token, AlertType>;
}

const HEADING_BREAK = 'heading';

/** What a heading's attributes say, and whether they end its own line (or stand on the line under it). */
type HeadingMarkup = Attributes & { trailing?: boolean };

/**
 * Steps of marked's block and inline loops (about one per token) one article may take. The size
 * cap alone does not bound memory: 4 MB of one-word list items lex into near a million tokens,
 * some 300 MB kept per article while a build holds the site. A long real article takes a few
 * thousand; a table of 100,000 one-word rows still fits.
 */
export const MAX_ARTICLE_TOKENS = 200_000;

/** The body lexes into more than {@link MAX_ARTICLE_TOKENS} tokens: it was not lexed to the end. */
export class TooManyTokensError extends Error {
  constructor() {
    super(`more than ${MAX_ARTICLE_TOKENS} Markdown tokens`);
    this.name = 'TooManyTokensError';
  }
}

/**
 * A marked extension that matches nothing and counts: marked offers extensions first at every step
 * of its block and inline loops, so the count is checked while lexing and stops it at the budget,
 * before the tokens past it are ever made.
 */
function tokenBudget(limit: number, body: string): MarkedOptions['extensions'] {
  let left = limit;
  const count = (): undefined => {
    if (--left < 0) throw new TooManyTokensError();
    return undefined;
  };
  const block: TokenizerExtensionFunction[] = [count];
  const inline: TokenizerExtensionFunction[] = [count];
  const startBlock: TokenizerStartFunction[] = [];
  // Definition lists, for a body with a line that starts like a definition.
  if (mayHoldDefinitionList(body)) block.push(definitionListTokenizer());
  if (body.includes('[^')) {
    // Footnotes, for one article: the labels its definitions give are its own.
    const footnotes = footnoteTokenizers();
    block.push(footnotes.block);
    inline.push(footnotes.inline);
    startBlock.push(footnotes.startBlock);
  }
  return { renderers: {}, childTokens: {}, block, inline, ...(startBlock.length ? { startBlock } : {}) };
}

/**
 * Lexes the body once and extracts what rules and renderers share.
 * @throws TooManyTokensError when the body would lex into more than {@link MAX_ARTICLE_TOKENS} tokens.
 */
export function parseMarkdown(body: string): MarkdownModel {
  const attributed = new Map<Token, HeadingMarkup>();
  // What only some articles hold is looked for only in them: the extensions cost every other
  // article a call at each step of marked's loops.
  const own = new Tokenizer();
  const tokenizer = skipImpossibleSetext(scanInlineText(body.includes('{') ? withHeadingAttributes(own, attributed) : own));
  const lexer = new Lexer({ gfm: true, extensions: tokenBudget(MAX_ARTICLE_TOKENS, body), tokenizer });
  const tokens = lexer.lex(body) as Token[];
  if (body.includes('{:')) dropAttributeLines(tokens, attributed);
  if (body.includes('|')) keepCellsPastHeader(tokens, lexer);
  // Only a body with a marker can hold an alert (as for footnotes and attribute lists above).
  const alerts = body.includes('[!') ? findAlerts(tokens) : EMPTY_MARKDOWN.alerts;
  const spans = new Map<Token, Span>();
  place(tokens, body, 0, body.length, true, spans);
  const spanOf = (token: Token): Span => {
    const span = spans.get(token);
    if (!span) throw new Error(`No body offsets for a ${token.type} token: it is not one of this article's tokens`);
    return span;
  };
  const model: MarkdownModel = { tokens, spanOf, headings: [], links: [], html: [], prose: [], footnotes: [], unresolvedFootnotes: [], alerts };
  collect(tokens, model, false);
  model.headings = sections(tokens, spanOf, body.length, attributed);
  return model;
}

/**
 * Makes `tokenizer` take the attribute list that ends an ATX or setext heading (`## Dosage {#dose}`)
 * out of the heading's text before its inline tokens are lexed, and note what it says in `found`.
 * marked queues a heading's text for inline lexing from inside its own tokenizer, so the text is
 * taken out where it is queued.
 */
function withHeadingAttributes(tokenizer: Tokenizer, found: Map<Token, HeadingMarkup>): Tokenizer {
  for (const name of ['heading', 'lheading'] as const) {
    const own = tokenizer[name];
    tokenizer[name] = function (this: Tokenizer, src: string): Tokens.Heading | undefined {
      const lexer = this.lexer;
      // Its own method, taken from the lexer (the bundle's Lexer is a stand-in without marked's prototype).
      const queue = lexer.inline;
      let split: ReturnType<typeof headingAttributes>;
      lexer.inline = (text: string, tokens?: Token[]) => {
        split = headingAttributes(text);
        return queue.call(lexer, split ? split.text : text, tokens);
      };
      let token: Tokens.Heading | undefined;
      try {
        token = own.call(this, src);
      } finally {
        delete (lexer as Partial<Lexer>).inline;
      }
      if (token && split) {
        token.text = split.text;
        found.set(token as Token, { id: split.id, trailing: true });
      }
      return token;
    };
  }
  return tokenizer;
}

/**
 * Takes kramdown's block attribute lines (`{: .note}`, `{:toc}`) out of the text of the paragraph
 * or list item they end, and turns a paragraph of nothing else into a blank: they are markup for
 * the block before them, never words. A `{: #id}` line right under a heading gives it that id,
 * as kramdown does. Lines elsewhere in a paragraph stay text, as marked reads them.
 */
function dropAttributeLines(tokens: Token[], attributed: Map<Token, HeadingMarkup>): void {
  tokens.forEach((token, index) => {
    if (token.type === 'blockquote') dropAttributeLines((token as Tokens.Blockquote).tokens, attributed);
    else if (token.type === 'list') {
      // kramdown replaces the list a {:toc} line ends (`* TOC`) with the table of contents; the page has its own.
      if (TOC_LINE.test((token as Tokens.List).items.at(-1)?.text.trimEnd() ?? '')) {
        tokens[index] = { type: 'space', raw: token.raw };
        return;
      }
      for (const item of (token as Tokens.List).items) dropAttributeLines(item.tokens, attributed);
    }
    if ((token.type !== 'paragraph' && token.type !== 'text') || !token.text.includes('{:')) return;
    const block = token as Tokens.Paragraph | Tokens.Text;
    const lines = block.text.split('\n');
    let keep = lines.length;
    let id: string | undefined;
    while (keep > 0) {
      const attributes = blockAttributeLine(lines[keep - 1]);
      if (!attributes) break;
      id ??= attributes.id;
      keep--;
    }
    if (keep === lines.length) return;
    if (keep === 0) {
      const previous = tokens[index - 1];
      if (id && previous?.type === 'heading' && !previous.raw.endsWith('\n\n') && !attributed.get(previous)?.id) attributed.set(previous, { id });
      tokens[index] = { type: 'space', raw: block.raw };
      return;
    }
    const cut = `\n${lines.slice(keep).join('\n')}`;
    const last = block.tokens?.at(-1);
    if (last?.type !== 'text' || !last.text.endsWith(cut)) return;
    last.text = last.text.slice(0, -cut.length);
    block.text = block.text.slice(0, -cut.length);
  });
}

/** kramdown's `{:toc}` (`{: toc}`), on the last line of a text. */
const TOC_LINE = /(?:^|\n)[ \t]*\{:[ \t]*toc[ \t]*\}$/;

/** The model of a body that was not lexed (front matter only, or unusable): no tokens to place. */
export const EMPTY_MARKDOWN: MarkdownModel = {
  tokens: [],
  spanOf: (token) => {
    throw new Error(`No body offsets for a ${token.type} token: this article's body was not lexed`);
  },
  headings: [],
  links: [],
  html: [],
  prose: [],
  footnotes: [],
  unresolvedFootnotes: [],
  alerts: new Map(),
};

/**
 * Records each token's body offsets in `spans` by finding its `raw` in the body, in order, after its
 * previous sibling. Inside a parent that was found verbatim the search stays within the parent (a
 * search that may not end there would cost the rest of the body for every token it misses).
 * Blockquotes and list items hand their children text with the `> ` or indentation removed; such a
 * child is found by its first line instead, and its own children are searched for in the body.
 */
function place(tokens: Token[], body: string, from: number, to: number, exact: boolean, spans: Map<Token, Span>): void {
  // A slice shares the body's characters: indexOf on it stops at `to` without copying anything.
  const scope = exact && to < body.length ? body.slice(0, to) : body;
  let cursor = from;
  for (const token of tokens) {
    const raw = token.raw ?? '';
    let at = raw ? scope.indexOf(raw, cursor) : -1;
    let verbatim = at !== -1;
    if (!verbatim && raw) {
      const firstLine = firstLineOf(raw).trimStart();
      at = firstLine ? scope.indexOf(firstLine, cursor) : -1;
    }
    if (at === -1) at = Math.min(cursor, body.length);
    const span = { start: at, end: Math.min(at + raw.length, body.length) };
    spans.set(token, span);
    cursor = verbatim ? span.end : at;
    const found = verbatim && exact;
    if (token.type === 'table') placeTable(token as Tokens.Table, body, at, spans);
    else {
      const children = childTokens(token);
      if (children) place(children, body, at, found ? span.end : body.length, found, spans);
    }
  }
}

function firstLineOf(text: string): string {
  const newline = text.indexOf('\n');
  return newline === -1 ? text : text.slice(0, newline);
}

/**
 * Places each cell's tokens within that cell's stretch of its row, so that a table of many rows or
 * columns is placed in one pass instead of searching from the table's start for every cell. A row of
 * the table's raw is a line of the body, after the `> ` or indentation a container may have removed.
 */
function placeTable(table: Tokens.Table, body: string, at: number, spans: Map<Token, Span>): void {
  const lines = table.raw.split('\n');
  const rows: Tokens.TableCell[][] = [table.header, [], ...table.rows];
  let lineStart = body.lastIndexOf('\n', at - 1) + 1;
  let cursor = at;
  lines.forEach((line, index) => {
    const newline = body.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? body.length : newline;
    const lineAt = lineEnd - line.length;
    const inBody = lineAt >= lineStart && body.startsWith(line, lineAt);
    const cells = rows[index] ?? [];
    const segments = inBody ? cellSegments(line) : [];
    cells.forEach((cell, column) => {
      const segment = segments[column];
      if (segment) place(cell.tokens, body, lineAt + segment.start, lineAt + segment.end, true, spans);
      else place(cell.tokens, body, cursor, body.length, false, spans);
      const last = cell.tokens.at(-1);
      if (last) cursor = Math.max(cursor, spans.get(last)!.end);
    });
    if (inBody) cursor = Math.max(cursor, lineEnd);
    lineStart = lineEnd + 1;
  });
}

/**
 * Keeps the cells of a table row past its header's. GFM drops them, words and all (marked's
 * splitCells), where kramdown, which Jekyll sites are written for, shows them: a dose's "twice
 * daily with food" must not vanish because the header has one cell fewer. Each is read as
 * marked reads a cell (trimmed, `\|` as `|`, lexed inline), without an alignment, in a column
 * with no heading.
 */
function keepCellsPastHeader(tokens: Token[], lexer: Lexer): void {
  for (const token of tokens) {
    if (token.type !== 'table') {
      // A table is a block: inline tokens hold none.
      const children = isInlineContainer(token.type) ? undefined : childTokens(token);
      if (children) keepCellsPastHeader(children, lexer);
      continue;
    }
    const table = token as Tokens.Table;
    const lines = table.raw.split('\n');
    table.rows.forEach((row, i) => {
      const line = lines[i + 2] ?? '';
      for (const segment of cellSegments(line).slice(table.header.length)) {
        const text = line.slice(segment.start, segment.end).trim().replace(/\\\|/g, '|');
        row.push({ text, tokens: lexer.inlineTokens(text), header: false, align: null });
      }
    });
  }
}

/**
 * Where each cell of a table row stands in the row, split as marked's `splitCells` splits it: at
 * every `|` not escaped by an odd number of backslashes, without a blank first or last cell.
 */
function cellSegments(line: string): Span[] {
  const segments: Span[] = [];
  let start = 0;
  let backslashes = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '|' && backslashes % 2 === 0) {
      segments.push({ start, end: i });
      start = i + 1;
    }
    backslashes = char === '\\' ? backslashes + 1 : 0;
  }
  segments.push({ start, end: line.length });
  const blank = (segment: Span): boolean => line.slice(segment.start, segment.end).trim() === '';
  if (segments.length > 0 && blank(segments[0])) segments.shift();
  if (segments.length > 0 && blank(segments[segments.length - 1])) segments.pop();
  return segments;
}

/**
 * The tokens a token holds, other than a table's: a list's items, or its block or inline tokens.
 * One array or none, so that walking every token of an article allocates nothing (a list of lists
 * for each token was 8 % of what a lint allocated). A table holds a list per cell: tableCells.
 */
function childTokens(token: Token): Token[] | undefined {
  const t = token as Token & { tokens?: Token[]; items?: Token[] };
  if (t.type === 'list' && t.items) return t.items;
  if (t.type === 'table') return undefined;
  return t.tokens;
}

/** Each cell of a table, the header's first, row by row. */
function* tableCells(table: Tokens.Table): Generator<Tokens.TableCell> {
  yield* table.header ?? [];
  for (const row of table.rows ?? []) yield* row;
}

function collect(tokens: Token[], model: MarkdownModel, inline: boolean): void {
  for (const token of tokens) {
    const { start, end } = model.spanOf(token);
    switch (token.type) {
      case 'link':
      case 'image': {
        const t = token as unknown as Tokens.Link | Tokens.Image;
        model.links.push({
          kind: token.type,
          href: t.href,
          text: token.type === 'image' ? t.text : inlineText((t as Tokens.Link).tokens ?? []),
          title: t.title,
          raw: t.raw,
          start,
          end,
        });
        break;
      }
      case 'html': {
        const raw = token.raw;
        model.html.push({ raw, block: !inline, comment: /^\s*<!--/.test(raw), start, end });
        break;
      }
      case 'paragraph':
      // A definition list's term (definition-lists.ts) is a line of words, as a paragraph is.
      case 'dt':
        model.prose.push({ text: inlineText((token as Tokens.Paragraph).tokens), raw: token.raw, start, end });
        break;
      case 'text':
        // A tight list item holds its text in a block-level text token.
        if (!inline && (token as Tokens.Text).tokens) {
          model.prose.push({ text: inlineText((token as Tokens.Text).tokens ?? []), raw: token.raw, start, end });
        } else if (inline && token.raw.includes('[^')) {
          unresolvedFootnotes(token.raw, start, model.unresolvedFootnotes);
        }
        break;
      case 'footnote':
        model.footnotes.push({ label: (token as unknown as FootnoteToken).label, token, start, end });
        break;
      default:
        break;
    }
    const childInline = inline || isInlineContainer(token.type);
    if (token.type === 'table') for (const cell of tableCells(token as Tokens.Table)) collect(cell.tokens, model, childInline);
    else {
      const children = childTokens(token);
      if (children) collect(children, model, childInline);
    }
  }
}

function isInlineContainer(type: string): boolean {
  return type === 'paragraph' || type === 'dt' || type === 'heading' || type === 'text' || type === 'table' || type === 'link' || type === 'strong' || type === 'em' || type === 'del';
}

/** Plain text of inline tokens: what a reader reads, without Markdown syntax or HTML. */
export function inlineText(tokens: Token[]): string {
  let text = '';
  for (const token of withRaisedFigures(tokens)) {
    switch (token.type) {
      case 'html':
      case 'image':
      // A footnote's number is a link to the note, not a word of the sentence ("Text.[^1]" reads "Text.").
      case 'footnoteRef':
        break;
      case 'br':
        text += '\n';
        break;
      case 'codespan':
        text += (token as Tokens.Codespan).text;
        break;
      case 'escape':
        text += (token as Tokens.Escape).text;
        break;
      case 'text':
        text += (token as Tokens.Text).tokens ? inlineText((token as Tokens.Text).tokens!) : decodeHTMLStrict((token as Tokens.Text).text);
        break;
      default: {
        const children = (token as { tokens?: Token[] }).tokens;
        if (children) text += inlineText(children);
        else if ('text' in token && typeof token.text === 'string') text += decodeHTMLStrict(token.text);
      }
    }
  }
  return text;
}


const FOOTNOTE_REFERENCE = /\[\^([^\]\s]+)\]/g;

/** Each `[^label]` in the raw of inline text starting at `start`: references no definition took. */
function unresolvedFootnotes(raw: string, start: number, found: UnresolvedFootnote[]): void {
  for (const match of raw.matchAll(FOOTNOTE_REFERENCE)) {
    found.push({ label: match[1], raw: match[0], start: start + match.index, end: start + match.index + match[0].length });
  }
}

function sections(tokens: Token[], spanOf: (token: Token) => Span, bodyLength: number, attributed: Map<Token, HeadingMarkup>): Heading[] {
  const headings: Heading[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== HEADING_BREAK) return;
    const heading = token as Tokens.Heading;
    let stop = tokens.length;
    for (let j = index + 1; j < tokens.length; j++) {
      const next = tokens[j];
      if (next.type === HEADING_BREAK && (next as unknown as Tokens.Heading).depth <= heading.depth) {
        stop = j;
        break;
      }
    }
    const span = spanOf(token);
    const markup = attributed.get(token);
    headings.push({
      depth: heading.depth,
      text: inlineText(heading.tokens).trim(),
      ...(markup?.id !== undefined && { id: markup.id }),
      ...(markup?.trailing && attributeSpan(heading, span)),
      ...span,
      index,
      section: tokens.slice(index + 1, stop),
      sectionEnd: stop < tokens.length ? spanOf(tokens[stop]).start : bodyLength,
    });
  });
  return headings;
}

/** Where the attribute list ending a heading's line stands, if it has one: after its text, the last `{` of its raw. */
function attributeSpan(heading: Tokens.Heading, span: Span): { attributes: Span } {
  const open = heading.raw.lastIndexOf('{');
  return { attributes: { start: span.start + open, end: span.start + heading.raw.indexOf('}', open) + 1 } };
}

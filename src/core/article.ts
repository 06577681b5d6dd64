import { isUtf8 } from 'node:buffer';
import { adoptFrontMatter, type FrontMatterAdoption } from './adopt-front-matter.js';
import type { Place } from './diagnostic.js';
import { splitFrontMatter, type FrontMatter, type FrontMatterProblem, type SplitResult } from './front-matter.js';
import { LineIndex } from './line-index.js';
import type { Token } from 'marked';
import { EMPTY_MARKDOWN, MAX_ARTICLE_TOKENS, parseMarkdown, TooManyTokensError, type Heading, type MarkdownModel, type Span } from './markdown.js';

/** Files larger than this are refused with a diagnostic instead of being parsed. */
export const MAX_ARTICLE_BYTES = 4 * 1024 * 1024;

/**
 * One Markdown article, read and parsed once, shared by lint, build and every other command.
 * Offsets in `body` are LF-normalised; `place()` turns them into 1-based positions in the file
 * as it is on disk (front matter counted, CRLF and a BOM handled).
 */
export interface Article extends MarkdownModel {
  /** Absolute path. */
  path: string;
  /** Path relative to the articles folder, with forward slashes (`sub/back-pain.md`). */
  relPath: string;
  /** The file's text as on disk, without a byte-order mark. */
  source: string;
  bom: boolean;
  /** Line index of `source`, for turning places into offsets (fixes). */
  lines: LineIndex;
  frontMatter?: FrontMatter;
  /** Front matter data (`{}` when there is none or it could not be parsed). */
  data: Record<string, unknown>;
  /** Why the file could not be parsed; set means the file is unusable (front-matter-valid, fatal). */
  problem?: FrontMatterProblem;
  /** The Markdown body with line endings normalised to LF. */
  body: string;
  /** Offset in `source` where the body starts. */
  bodyStart: number;
  /** 1-based file line of the body's first line. */
  bodyLine: number;
  /** The file place of a body offset. */
  place(bodyOffset: number): Place;
  /** The offset in `source` of a file place (for fixes). */
  offsetOf(place: Place): number;
  /** The offset in `source` of a body offset (for fixes, which edit the file as on disk). */
  sourceOffset(bodyOffset: number): number;
  /** The innermost heading whose section contains a body offset. */
  headingAt(bodyOffset: number): Heading | undefined;
}

export interface ArticleInput {
  path: string;
  relPath: string;
  /** Raw bytes (checked for UTF-8 and binary content) or already-decoded text. */
  content: Uint8Array | string;
  /**
   * False reads the front matter only, what project rules need of other files: no body, tokens,
   * headings, links or prose, and `source` may stop where the front matter does (the bytes after it
   * are checked for UTF-8 and NUL, not decoded).
   */
  markdown?: boolean;
  /** The config's `defaults` and `frontMatter.aliases` (a Config will do): how front matter written for other tools is read. */
  adopt?: FrontMatterAdoption;
  /**
   * A front-matter-only read (`markdown: false`) of these same bytes, with the same `adopt`, that
   * found no problem: its front matter is taken as read instead of being parsed again.
   */
  frontMatterRead?: Article;
}

/** Reads an article's model from its bytes. Never throws on bad content: problems become `problem`. */
export function parseArticle(input: ArticleInput): Article {
  const frontMatterOnly = input.markdown === false;
  const decoded = (frontMatterOnly && typeof input.content !== 'string' && decodeHead(input.content)) || decode(input.content);
  const text = decoded.text;
  const bom = text.charCodeAt(0) === 0xfeff;
  const source = bom ? text.slice(1) : text;
  const lines = new LineIndex(source);
  let problem = decoded.problem;
  let frontMatter: FrontMatter | undefined;
  let data: Record<string, unknown> = {};
  let bodyStart = 0;
  const read = input.frontMatterRead;
  if (read && !problem && !read.problem) {
    // The same bytes decode to the same text, so the front matter and the body's start are as read.
    ({ frontMatter, data, bodyStart } = read);
  } else if (!problem) {
    const split = decoded.split ?? splitFrontMatter(source);
    problem = split.problem;
    if (!problem) ({ frontMatter, data } = adoptFrontMatter(split.frontMatter, input.relPath, input.adopt));
    bodyStart = split.bodyStart;
  }
  const body = problem || frontMatterOnly ? '' : source.slice(bodyStart).replace(/\r\n?/g, '\n');
  const bodyLine = lines.place(bodyStart).line;
  let model = EMPTY_MARKDOWN;
  if (!problem && !frontMatterOnly) {
    try {
      model = parseMarkdown(body);
    } catch (error) {
      problem = error instanceof TooManyTokensError ? tooManyTokens(bodyLine) : {
        messageId: 'markdown',
        message: `The Markdown body could not be parsed (${(error as Error).message}); simplify deeply nested lists or quotes.`,
        place: { line: bodyLine, column: 1 },
      };
    }
  }
  return assemble(input, { source, bom, lines, frontMatter, data, problem, body, bodyStart, bodyLine }, model);
}

/** Problems only the Markdown parse finds, after the front matter was read: a front-matter-only read does not see them. */
export const MARKDOWN_PROBLEMS: ReadonlySet<string> = new Set(['too-complex', 'markdown']);

/**
 * What project rules and the site's lists need of an article they do not lint or render: where it
 * is, its front matter's values and whether it parses. Serialisable, so the lint cache keeps it.
 */
export interface FrontMatterRecord {
  bom: boolean;
  /** Whether the file has front matter at all. */
  fenced: boolean;
  data: Record<string, unknown>;
  problem?: FrontMatterProblem;
}

export function frontMatterRecord(article: Article): FrontMatterRecord {
  return { bom: article.bom, fenced: article.frontMatter !== undefined, data: article.data, problem: article.problem };
}

/**
 * The article a record stands for: its values, without their places in the file, its text or its
 * Markdown (findings about a file are made from its whole article). About 0.6 KB besides the
 * values, where a parsed article's model is tens of kilobytes.
 */
export function articleFromRecord(file: { path: string; relPath: string }, record: FrontMatterRecord): Article {
  return new FrontMatterOnly(file.path, file.relPath, record);
}

/** The places of a front matter read from a record: none (findings about a file are made from its whole article). */
const NO_PLACES: Readonly<Record<string, never>> = Object.freeze({});

class FrontMatterOnly implements Article {
  readonly data: Record<string, unknown>;
  readonly problem?: FrontMatterProblem;
  readonly bom: boolean;
  private readonly fenced: boolean;

  constructor(
    readonly path: string,
    readonly relPath: string,
    record: FrontMatterRecord,
  ) {
    this.data = record.data;
    this.fenced = record.fenced;
    this.problem = record.problem;
    this.bom = record.bom;
  }

  /** Made when asked for: a site of 100,000 articles would otherwise hold one for each. */
  get frontMatter(): FrontMatter | undefined {
    return this.fenced ? { data: this.data, places: NO_PLACES, yaml: '', start: 0, end: 0 } : undefined;
  }

  get tokens() {
    return EMPTY_MARKDOWN.tokens;
  }
  get headings() {
    return EMPTY_MARKDOWN.headings;
  }
  get links() {
    return EMPTY_MARKDOWN.links;
  }
  get html() {
    return EMPTY_MARKDOWN.html;
  }
  get prose() {
    return EMPTY_MARKDOWN.prose;
  }
  get footnotes() {
    return EMPTY_MARKDOWN.footnotes;
  }
  get unresolvedFootnotes() {
    return EMPTY_MARKDOWN.unresolvedFootnotes;
  }
  get alerts() {
    return EMPTY_MARKDOWN.alerts;
  }
  get source() {
    return '';
  }
  get body() {
    return '';
  }
  get bodyStart() {
    return 0;
  }
  get bodyLine() {
    return 1;
  }
  get lines() {
    return NO_LINES;
  }
  spanOf(token: Token): Span {
    return EMPTY_MARKDOWN.spanOf(token);
  }
  place(): Place {
    return { line: 1, column: 1 };
  }
  offsetOf(): number {
    return 0;
  }
  sourceOffset(): number {
    return 0;
  }
  headingAt(): undefined {
    return undefined;
  }
}

const NO_LINES = new LineIndex('');

type ArticleParts = Pick<Article, 'source' | 'bom' | 'lines' | 'frontMatter' | 'data' | 'problem' | 'body' | 'bodyStart' | 'bodyLine'>;

function assemble(file: { path: string; relPath: string }, parts: ArticleParts, model: MarkdownModel): Article {
  const { lines, bodyLine } = parts;
  const bodyLines = new LineIndex(parts.body);
  const place = (offset: number): Place => {
    const p = bodyLines.place(offset);
    return { line: p.line + bodyLine - 1, column: p.column };
  };
  const headings = model.headings;
  // Each field named, not `...model`: a spread followed by this many fields makes V8 build the
  // object one property at a time, some 30 µs an article (measured), and leaves it in slow mode.
  return {
    tokens: model.tokens,
    spanOf: model.spanOf,
    headings,
    links: model.links,
    html: model.html,
    prose: model.prose,
    footnotes: model.footnotes,
    unresolvedFootnotes: model.unresolvedFootnotes,
    alerts: model.alerts,
    path: file.path,
    relPath: file.relPath,
    source: parts.source,
    bom: parts.bom,
    lines,
    frontMatter: parts.frontMatter,
    data: parts.data,
    problem: parts.problem,
    body: parts.body,
    bodyStart: parts.bodyStart,
    bodyLine,
    place,
    offsetOf: (p) => lines.offset(p.line, p.column),
    sourceOffset: (offset) => { const p = place(offset); return lines.offset(p.line, p.column); },
    headingAt(offset) {
      let found: Heading | undefined;
      for (const heading of headings) {
        if (heading.start <= offset && offset < heading.sectionEnd && (!found || heading.depth > found.depth)) found = heading;
      }
      return found;
    },
  };
}

function tooManyTokens(bodyLine: number): FrontMatterProblem {
  return {
    messageId: 'too-complex',
    message: `The body has more than ${MAX_ARTICLE_TOKENS.toLocaleString('en')} Markdown elements (list items, paragraphs, links, emphasis…), more than one article may hold: split it into several articles.`,
    place: { line: bodyLine, column: 1 },
  };
}

interface Decoded {
  text: string;
  problem?: FrontMatterProblem;
  /** The front matter of `text`, when decodeHead has split it already. */
  split?: SplitResult;
}

// ignoreBOM keeps a byte-order mark in the text, so `bom` is known and --fix writes it back.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decode(content: Uint8Array | string): Decoded {
  if (typeof content === 'string') return checkText(content);
  if (content.byteLength > MAX_ARTICLE_BYTES) {
    return {
      text: '',
      problem: {
        messageId: 'too-large',
        message: `File is ${content.byteLength} bytes; articles are limited to ${MAX_ARTICLE_BYTES} bytes. Split it or move media out of the text.`,
        place: { line: 1, column: 1 },
      },
    };
  }
  const nul = content.indexOf(0);
  if (nul !== -1) return { text: '', problem: binary(content, nul) };
  try {
    return checkText(utf8.decode(content));
  } catch {
    return { text: '', problem: invalidUtf8(content) };
  }
}

/** Bytes decoded at first when only the front matter is wanted; doubled until the closing fence is among them. */
const HEAD_BYTES = 1024;

/**
 * The file's start up to its closing front-matter fence, decoded, when the whole file passes
 * decode's checks (the rest is only validated, natively, never decoded); undefined where the full
 * decode must run: a problem to report, no front matter, or a fence not closed before the end.
 * A cut after a line feed is a character boundary and ends a line, so the fence found in the
 * head, and the body's start, are those splitFrontMatter finds in the whole text.
 */
function decodeHead(content: Uint8Array): Decoded | undefined {
  if (content.byteLength > MAX_ARTICLE_BYTES || content.indexOf(0) !== -1 || !isUtf8(content)) return undefined;
  for (let size = HEAD_BYTES; size < content.byteLength; size *= 2) {
    const cut = content.lastIndexOf(0x0a, size - 1) + 1;
    if (cut === 0) continue;
    const text = utf8.decode(content.subarray(0, cut));
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const split = splitFrontMatter(bom ? text.slice(1) : text);
    if (split.problem?.messageId === 'unclosed') continue;
    // The text ends where the body starts, so the article's line index covers the front matter alone.
    return split.frontMatter || split.problem ? { text: text.slice(0, bom + split.bodyStart), split } : undefined;
  }
  return undefined;
}

function checkText(text: string): Decoded {
  if (text.trim() === '' || text === '\ufeff') {
    return { text, problem: { messageId: 'empty', message: 'File is empty: an article needs front matter and a body.', place: { line: 1, column: 1 } } };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const before = text.slice(0, nul);
    const line = before.split('\n').length;
    return {
      text: '',
      problem: { messageId: 'binary', message: 'File contains NUL bytes: it looks binary, not Markdown text.', place: { line, column: nul - before.lastIndexOf('\n') } },
    };
  }
  return { text };
}

function placeOfByte(bytes: Uint8Array, index: number): Place {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Count characters, not bytes, before the offending byte on its line.
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, index)).length + 1;
  return { line, column };
}

function binary(bytes: Uint8Array, index: number): FrontMatterProblem {
  return { messageId: 'binary', message: 'File contains NUL bytes: it looks binary, not Markdown text.', place: placeOfByte(bytes, index) };
}

function invalidUtf8(bytes: Uint8Array): FrontMatterProblem {
  let index = 0;
  // Find the first byte that does not start or continue a valid UTF-8 sequence.
  while (index < bytes.length) {
    const b = bytes[index];
    const size = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (size === 0) break;
    let ok = index + size <= bytes.length;
    for (let k = 1; ok && k < size; k++) ok = (bytes[index + k] & 0xc0) === 0x80;
    if (!ok) break;
    try {
      utf8.decode(bytes.subarray(index, index + size));
    } catch {
      break;
    }
    index += size;
  }
  return {
    messageId: 'encoding',
    message: 'File is not valid UTF-8 text: re-save it as UTF-8.',
    place: placeOfByte(bytes, Math.min(index, bytes.length)),
  };
}

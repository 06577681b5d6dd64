import type { Lexer, Tokenizer, Tokens } from 'marked';

/**
 * False where marked's setext heading pattern (`Heading\n===`) cannot match `src`, which is where
 * it is tried: at the start of nearly every paragraph, and of every line of a list item's text.
 * The pattern scans its text a character at a time, each line break looked past for a blank line
 * and seven kinds of block that would end the paragraph, and fails at the paragraph's end unless an
 * `===` or `---` line stands there: 2 % of a build's time went to it. This walks the lines instead,
 * and answers true (let the pattern decide) at the first line that is an underline or could start
 * a block; it answers false at a blank line, which the pattern's text never crosses, at a line
 * separator (U+2028, U+2029, a carriage return), which its `.` does not match, or at the end of
 * `src`. It reads each character at most once, and none past where the pattern stops.
 *
 * The pattern's text is one character at least, then any characters but line breaks, and line
 * breaks not followed by a blank line (`\n\s*?\n`) or by the start of another block; it must be
 * followed by `\n {0,3}(=+|-+)[ \t]*(?:\n+|$)`. So an underline must stand before the first blank
 * line or line separator, and nothing this treats as no underline and no block can be one.
 */
export function maySetextHeading(src: string): boolean {
  // marked tries each line of a list item's text in turn, each time with the rest of the item.
  if (walked && src.length < walked.src.length && walked.src.length - src.length < walked.end - 1 && walked.src.endsWith(src)) return false;
  let lineEnd = src.indexOf('\n', 1);
  if (lineEnd === -1) return false;
  if (LINE_SEPARATOR.test(src.slice(0, lineEnd))) return false;
  while (lineEnd !== -1) {
    const start = lineEnd + 1;
    lineEnd = src.indexOf('\n', start);
    const kind = lineKind(src, start, lineEnd === -1 ? src.length : lineEnd);
    if (kind === MAY_MATCH) return true;
    if (kind === ENDS_TEXT) return noMatchBefore(src, start);
  }
  return noMatchBefore(src, src.length);
}

/**
 * The last walk that found no underline: over `src`, up to the line starting at `end` (which ended
 * the text), or to its end. A walk of a suffix of `src` whose first line ends before that line
 * (it starts before the line break ahead of it) reads the same lines, all of them text, up to the
 * same line (the first line's only check, for line separators, was made of each of them), and so
 * answers false as well.
 */
let walked: { src: string; end: number } | undefined;

function noMatchBefore(src: string, end: number): false {
  walked = { src, end };
  return false;
}

/** A line the text goes on past, as far as the line can tell. */
const TEXT_LINE = 0;
/** An underline, or a line that may start a block: the pattern decides. */
const MAY_MATCH = 1;
/** A blank line, or one with a line separator: the text cannot go on past it. */
const ENDS_TEXT = 2;

const SPACE = 0x20;
const TAB = 0x09;
const EQUALS = 0x3d;
const HYPHEN = 0x2d;
const PIPE = 0x7c;

/** What the line src[start, end) (without its line break) is to the pattern's text. */
function lineKind(src: string, start: number, end: number): number {
  let at = start;
  while (at < end && src.charCodeAt(at) === SPACE) at++;
  if (at === end) return ENDS_TEXT;
  const first = src.charCodeAt(at);
  if (at - start <= 3 && (first === EQUALS || first === HYPHEN)) {
    let after = at;
    while (after < end && src.charCodeAt(after) === first) after++;
    while (after < end && (src.charCodeAt(after) === SPACE || src.charCodeAt(after) === TAB)) after++;
    if (after === end) return MAY_MATCH;
  }
  // The first character of a list item, fence, quote, ATX heading, thematic break, HTML or table row.
  if (BLOCK_START.has(first) || (first >= 0x30 && first <= 0x39)) return MAY_MATCH;
  let blank = true;
  let pipe = false;
  for (; at < end; at++) {
    const code = src.charCodeAt(at);
    if (isLineSeparator(code)) return ENDS_TEXT;
    if (code === PIPE) pipe = true;
    else if (blank && !WHITE_SPACE.has(code)) blank = false;
  }
  // A `|` after a tab or a no-break space makes the line neither blank nor certain to be no table row.
  return pipe ? MAY_MATCH : blank ? ENDS_TEXT : TEXT_LINE;
}

/** What the pattern's `.` does not match besides the line feed: its text ends there. */
const LINE_SEPARATOR = /[\r\u2028\u2029]/;
const isLineSeparator = (code: number): boolean => code === 0x0d || code === 0x2028 || code === 0x2029;
const BLOCK_START = new Set([...'-*+_#`~>|<'].map((char) => char.charCodeAt(0)));
/** What `\s` matches, but the line feed: a line of nothing else is blank to the pattern's look-ahead (a test holds it to `\s`). */
const WHITE_SPACE = new Set([0x09, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);

/** The text and underline of the setext pattern maySetextHeading was worked out for (marked 18's). */
const TEXT = String.raw`((?:.|\n(?!\s*?\n|`;
const ENDING = String.raw`))+?)\n {0,3}(=+|-+)[ \t]*(?:\n+|$)`;

/**
 * True for the setext patterns maySetextHeading was worked out for: marked's own GFM or CommonMark
 * block rule, made of one start, the text and the underline above (what the text's look-ahead
 * lists besides a blank line only stops it sooner).
 */
function readsPattern(pattern: RegExp, marked: typeof Lexer): boolean {
  const { gfm, normal } = marked.rules.block;
  const source = pattern.source;
  const text = source.indexOf(TEXT);
  return (
    (pattern === gfm.lheading || pattern === normal.lheading) &&
    pattern.flags === '' &&
    source.startsWith('^(?!') &&
    // The text once, and the underline at the end.
    text !== -1 &&
    text === source.lastIndexOf(TEXT) &&
    source.endsWith(ENDING)
  );
}

/**
 * Makes `tokenizer` skip marked's setext heading pattern where maySetextHeading says it cannot
 * match, and try it everywhere else, where its Lexer's rules are those it was worked out for.
 */
export function skipImpossibleSetext(tokenizer: Tokenizer): Tokenizer {
  const own = tokenizer.lheading;
  let checked: RegExp | undefined;
  let reads = false;
  tokenizer.lheading = function (this: Tokenizer, src: string): Tokens.Heading | undefined {
    const pattern = this.rules.block.lheading;
    if (pattern !== checked) {
      checked = pattern;
      reads = readsPattern(pattern, this.lexer.constructor as typeof Lexer);
    }
    if (reads && !maySetextHeading(src)) return undefined;
    return own.call(this, src);
  };
  return tokenizer;
}

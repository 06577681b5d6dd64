import type { Lexer, Tokenizer, Tokens } from 'marked';

/**
 * False where marked's setext heading pattern (`Heading\n===`) cannot match `src`, which is where
 * it is tried: at the start of nearly every paragraph. The pattern scans its text a character at a
 * time, each line break looked past for a blank line and seven kinds of block that would end the
 * paragraph, and fails at the paragraph's end unless an `===` or `---` line stands there: 2 % of a
 * build's time went to it. This walks the lines instead, and answers true (let the pattern decide)
 * at the first line that is an underline or could end the paragraph; it answers false only at a
 * blank line, which the pattern's text never crosses, or at the end of `src` without either.
 *
 * The pattern's text is one character at least, then any characters but line breaks, and line
 * breaks not followed by a blank line (`\n\s*?\n`) or by the start of another block; it must be
 * followed by `\n {0,3}(=+|-+)[ \t]*(?:\n+|$)`. So an underline must stand before the first blank
 * line, and nothing this treats as no underline and no block can be one.
 */
export function maySetextHeading(src: string): boolean {
  let lineStart = src.indexOf('\n', 1) + 1;
  while (lineStart > 0) {
    const next = src.indexOf('\n', lineStart);
    const line = next === -1 ? src.slice(lineStart) : src.slice(lineStart, next);
    if (UNDERLINE.test(line)) return true;
    // A blank line: the text cannot go on past it, and nothing after it is this heading's underline.
    if (BLANK.test(line)) return false;
    if (MAY_START_BLOCK.test(line)) return true;
    lineStart = next + 1;
  }
  return false;
}

/** A setext underline, as the line after a heading's text. */
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** Nothing but what `\s` matches: after a line break, the pattern's `\s*?\n` holds there (or the input ends). */
const BLANK = /^\s*$/;
/**
 * A line that could start a block ending the paragraph (a list item, fence, quote, ATX heading,
 * thematic break, HTML or table row), by its first character or a `|`: the pattern decides. Any
 * line it might stop at is here, and more.
 */
const MAY_START_BLOCK = /^ *[-*+_#`~>|<\d]|\|/;

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
  return (
    (pattern === gfm.lheading || pattern === normal.lheading) &&
    pattern.flags === '' &&
    source.startsWith('^(?!') &&
    source.indexOf(TEXT) === source.lastIndexOf(TEXT) &&
    source.includes(TEXT) &&
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

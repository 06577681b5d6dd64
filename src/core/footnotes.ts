import type { Lexer, Token, TokenizerExtensionFunction, TokenizerStartFunction } from 'marked';

/**
 * A footnote's definition, `[^label]: text` with the lines that belong to it, where the author
 * wrote it. Its blocks are lexed as a document's; the page shows them in the notes at the end.
 */
export interface FootnoteToken {
  type: 'footnote';
  raw: string;
  label: string;
  tokens: Token[];
}

/** A reference, `[^label]`, to a footnote the article defines. */
export interface FootnoteRefToken {
  type: 'footnoteRef';
  raw: string;
  label: string;
}

/** Labels match as GFM's do, whatever their case. */
export const footnoteKey = (label: string): string => label.toLowerCase();

/** The start of a definition's first line: up to three spaces, `[^`, a label without blanks or `]`, `]:`. */
const DEFINITION_START = /^ {0,3}\[\^([^\]\s]+)\]:/;
const REFERENCE = /^\[\^([^\]\s]+)\]/;
export const BLANK = /^[ \t]*$/;
/** Four spaces or a tab (after up to three spaces): the line belongs to the definition above. */
const INDENT = /^(?: {4}| {0,3}\t)/;
/**
 * A line that starts another block, which a lazy line of a paragraph cannot be: a heading, a
 * fence, a quote, a list item, a thematic break, an HTML block (as marked's paragraph stops).
 */
export const NOT_LAZY = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|>|[*+-][ \t]|\d{1,9}[.)][ \t]|(?:[-*_][ \t]*){3,}$|<[a-zA-Z/!?])/;

/**
 * marked tokenizers for footnotes as GFM, goldmark (Hugo) and kramdown (Jekyll) write them. The
 * block tokenizer takes a definition: its first line, then lines indented by four spaces or a tab
 * (blank lines between them), and lazy lines that go on its last paragraph; a definition's
 * first line also ends a paragraph above it, as on GitHub, so notes written one per line stay
 * apart. The inline tokenizer takes a reference to a label some definition has: marked lexes
 * inline text after every block, so a reference finds a definition written after it. `[^label]`
 * with no definition is left to marked, which reads it as the text it is.
 */
export function footnoteTokenizers(): {
  block: TokenizerExtensionFunction;
  startBlock: TokenizerStartFunction;
  inline: TokenizerExtensionFunction;
} {
  const defined = new Set<string>();
  return {
    block(this: { lexer: Lexer }, src: string) {
      let indent = 0;
      while (indent < 3 && src.charCodeAt(indent) === 0x20) indent++;
      if (src.charCodeAt(indent) !== 0x5b || src.charCodeAt(indent + 1) !== 0x5e) return undefined;
      const start = DEFINITION_START.exec(src);
      if (!start) return undefined;
      const { raw, content } = definitionLines(src, start[0].length);
      defined.add(footnoteKey(start[1]));
      const lexer = this.lexer;
      // A note holds paragraphs even inside a list item, as a quote does: marked's own blockquote does the same.
      const top = lexer.state.top;
      lexer.state.top = true;
      const tokens = lexer.blockTokens(content, []);
      lexer.state.top = top;
      return { type: 'footnote', raw, label: start[1], tokens } satisfies FootnoteToken;
    },
    startBlock(src: string) {
      // Where a paragraph starting at src[-1] must stop for a definition: only its own lines are looked at.
      let at = 0;
      while (at < src.length) {
        const newline = src.indexOf('\n', at);
        if (newline === -1) return undefined;
        at = newline + 1;
        const end = src.indexOf('\n', at);
        const line = src.slice(at, end === -1 ? src.length : end);
        if (DEFINITION_START.test(line)) return at;
        // The paragraph ends here anyway (a blank line, a heading, a list…): no need to look further.
        if (BLANK.test(line) || NOT_LAZY.test(line)) return undefined;
      }
      return undefined;
    },
    inline(src: string) {
      if (src.charCodeAt(0) !== 0x5b || src.charCodeAt(1) !== 0x5e) return undefined;
      const match = REFERENCE.exec(src);
      if (!match || !defined.has(footnoteKey(match[1]))) return undefined;
      return { type: 'footnoteRef', raw: match[0], label: match[1] } satisfies FootnoteRefToken;
    },
  };
}

/**
 * The lines of the definition starting `src` (its marker `prefix` characters long): its raw, up to
 * the end of its last line that is not blank, and its content, the text after the marker and
 * each further line without the indentation that made it belong. A line `another` matches starts
 * the next definition (by default a footnote's), never a lazy line of this one.
 */
export function definitionLines(src: string, prefix: number, another: RegExp = DEFINITION_START): { raw: string; content: string } {
  const lineEnd = (from: number) => {
    const newline = src.indexOf('\n', from);
    return newline === -1 ? src.length : newline;
  };
  let end = lineEnd(prefix);
  const content = [src.slice(prefix, end).replace(/^[ \t]+/, '')];
  let blanks: string[] = [];
  // Whether the last line kept is a paragraph's, which a lazy line goes on.
  let inParagraph = content[0] !== '';
  let at = end + 1;
  while (at <= src.length && end < src.length) {
    const next = lineEnd(at);
    const line = src.slice(at, next);
    if (BLANK.test(line)) {
      blanks.push('');
      inParagraph = false;
    } else if (INDENT.test(line)) {
      content.push(...blanks, line.replace(INDENT, ''));
      blanks = [];
      inParagraph = true;
      end = next;
    } else if (inParagraph && blanks.length === 0 && !another.test(line) && !NOT_LAZY.test(line)) {
      content.push(line);
      end = next;
    } else {
      break;
    }
    at = next + 1;
  }
  return { raw: src.slice(0, Math.min(end + 1, src.length)), content: content.join('\n') };
}

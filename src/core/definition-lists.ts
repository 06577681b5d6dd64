import type { Lexer, Token, TokenizerExtensionFunction } from 'marked';
import { BLANK, definitionLines, NOT_LAZY } from './footnotes.js';

/**
 * A definition list as kramdown (Jekyll), goldmark (Hugo), Pandoc and PHP Markdown Extra write it:
 * a term on a line of its own (or several, each a term), then its definitions, each starting with
 * `: `. GitHub-flavoured Markdown has none, so marked read `Haemoglobin` and `: The protein that
 * carries oxygen` as one paragraph, the term and the colon run together.
 */
export interface DefinitionListToken {
  type: 'definitionList';
  raw: string;
  /** Terms and definitions in the order written: a `dt`'s tokens are inline, a `dd`'s are blocks. */
  tokens: Array<DefinitionTermToken | DefinitionToken>;
}

export interface DefinitionTermToken {
  type: 'dt';
  raw: string;
  text: string;
  tokens: Token[];
}

export interface DefinitionToken {
  type: 'dd';
  raw: string;
  tokens: Token[];
}

/** A definition's first line: up to three spaces, a colon, then a blank; the text after it is the definition's. */
const DEFINITION = /^ {0,3}:[ \t]+(?=\S)/;
/** The same at the start of any line of a text. */
const DEFINITION_ANYWHERE = new RegExp(DEFINITION.source, 'm');

/** False where a body holds no line a definition could start: its Markdown needs no definition-list tokenizer. */
export function mayHoldDefinitionList(body: string): boolean {
  return DEFINITION_ANYWHERE.test(body);
}

/**
 * marked's block tokenizer for definition lists. A list starts at a block's start with one or
 * more term lines (not blank, not a definition, not another block's start) right above a
 * definition; a definition runs on with indented lines (blank lines between them) and lazy
 * lines, as a footnote's does. After a blank line the list goes on with another definition, or
 * with new terms and their definitions; anything else ends it.
 */
export function definitionListTokenizer(): TokenizerExtensionFunction {
  return function (this: { lexer: Lexer }, src: string) {
    const first = termsAt(src, 0);
    if (!first) return undefined;
    const lexer = this.lexer;
    const tokens: DefinitionListToken['tokens'] = [];
    let at = 0;
    let end = 0;
    for (let terms: number[] | undefined = first; terms; ) {
      for (const lineEnd of terms) {
        const raw = src.slice(at, lineEnd);
        const text = raw.trim();
        const term: DefinitionTermToken = { type: 'dt', raw, text, tokens: [] };
        lexer.inline(text, term.tokens);
        tokens.push(term);
        at = lineEnd + 1;
      }
      // One definition or more, each maybe after blank lines.
      for (let next = skipBlank(src, at); DEFINITION.test(src.slice(next)); next = skipBlank(src, at)) {
        const rest = src.slice(next);
        const { raw, content } = definitionLines(rest, DEFINITION.exec(rest)![0].length, DEFINITION);
        const top = lexer.state.top;
        lexer.state.top = true;
        tokens.push({ type: 'dd', raw, tokens: lexer.blockTokens(content, []) });
        lexer.state.top = top;
        end = next + raw.length;
        at = end;
      }
      const after = skipBlank(src, at);
      terms = termsAt(src, after);
      if (terms) at = after;
    }
    return { type: 'definitionList', raw: src.slice(0, end), tokens } satisfies DefinitionListToken;
  };
}

/**
 * The ends of the term lines starting at `from`, when a definition follows them, right below or
 * after blank lines (kramdown's loose definition); undefined otherwise. Four lines at most: a
 * longer run is a paragraph with a colon line under it.
 */
function termsAt(src: string, from: number): number[] | undefined {
  const ends: number[] = [];
  for (let at = from; ends.length < 4; ) {
    const newline = src.indexOf('\n', at);
    if (newline === -1) return undefined;
    const line = src.slice(at, newline);
    if (BLANK.test(line) || DEFINITION.test(line) || NOT_LAZY.test(line) || INDENTED.test(line)) return undefined;
    ends.push(newline);
    at = newline + 1;
    if (DEFINITION.test(src.slice(skipBlank(src, at)))) return ends;
    if (BLANK.test(lineAt(src, at))) return undefined;
  }
  return undefined;
}

/** Four spaces or a tab: code, not a term. */
const INDENTED = /^(?: {4}|\t)/;

function lineAt(src: string, at: number): string {
  const newline = src.indexOf('\n', at);
  return src.slice(at, newline === -1 ? src.length : newline);
}

/** Past the blank lines at `from`. */
function skipBlank(src: string, from: number): number {
  let at = from;
  for (;;) {
    const newline = src.indexOf('\n', at);
    const line = src.slice(at, newline === -1 ? src.length : newline);
    if (!BLANK.test(line) || newline === -1) return at;
    at = newline + 1;
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Lexer, Tokenizer } from 'marked';
import { describe, expect, it } from 'vitest';
import { inlineTextLength, scanInlineText, scansPattern } from '../../src/core/inline-text.js';

/** What marked's own pattern matches at the start of `s`: the answer inlineTextLength must give. */
const marked = (s: string) => Lexer.rules.inline.gfm.text.exec(s)?.[0].length ?? 0;

/** Pieces that each pattern alternative turns on, and plain text between them. */
const piece = fc.constantFrom(
  ...['`', '``', '~', '~~', ' ', '  ', '   \n', '\n', '\t', '@', '.', '-', '+', '_', '*', '\\', '<', '!', '[', '(', ')', ':', '/', '&', '#'],
  ...['http', 'HTTPS://', 'hTtP', 'ftp://', 'FTP:/', 'ft', 'www.', 'ww.', 'mailto:', 'xmpp:', 'mailto', 'a@b.org', 'x.y+z@', 'Ann'],
  ...['é', '\u00a0', '\u3000', '\u2028', '\ufeff', '😀', '\ud83d', '\ude00', 'h', 'w', 'f', 'm', 'x', '1', 'Z'],
);
const text = fc.array(fc.oneof({ weight: 5, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 14 }).map((parts) => parts.join(''));

describe('inlineTextLength', () => {
  it('stands for the pattern of the marked in use', () => {
    // Another marked's pattern makes this false: the tokenizer then finds text with marked's own.
    expect(scansPattern(Lexer.rules.inline.gfm.text)).toBe(true);
    expect(scansPattern(Lexer.rules.inline.breaks.text)).toBe(false);
  });

  it('ends where marked\'s GFM inline text pattern ends, on text built from what the pattern looks for', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(inlineTextLength(s)).toBe(marked(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('ends where the pattern ends on any string, and at every place of real articles', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (s) => {
        expect(inlineTextLength(s)).toBe(marked(s));
      }),
      { numRuns: 5_000 },
    );
    const dir = path.resolve(import.meta.dirname, '../../articles');
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.md'))) {
      const body = readFileSync(path.join(dir, name), 'utf8');
      for (let at = 0; at < body.length; at += 7) expect(inlineTextLength(body.slice(at)), `${name} at ${at}`).toBe(marked(body.slice(at)));
    }
  });

  it('ends at the first place each alternative holds', () => {
    expect(inlineTextLength('plain words')).toBe(11);
    expect(inlineTextLength('see *this*')).toBe(4);
    expect(inlineTextLength('``code')).toBe(6);
    expect(inlineTextLength('line  \nnext')).toBe(4);
    expect(inlineTextLength('write to ann@example.org')).toBe(9);
    expect(inlineTextLength('a mailto:x@y.org')).toBe(2);
    expect(inlineTextLength('go to http://example.org')).toBe(6);
    expect(inlineTextLength('a www.example.org')).toBe(2);
    expect(inlineTextLength('awww.example.org')).toBe(16);
    expect(inlineTextLength('')).toBe(0);
  });
});

describe('scanInlineText', () => {
  const lex = (markdown: string, scanned = false, options: { breaks?: boolean } = {}) =>
    new Lexer({ gfm: true, ...options, ...(scanned ? { tokenizer: scanInlineText(new Tokenizer()) } : {}) }).lex(markdown);
  const block = fc.array(fc.oneof(text, fc.constantFrom('\n\n', '\n', '# ', '- ', '1. ', '> ', '| a | b |\n|---|---|\n', '<b>', '&#65;', '&amp;', '&#x1F600;', '[a](b)', '**', '<pre>', '</pre>')), { maxLength: 10 }).map((parts) => parts.join(''));

  it('lexes every Markdown into the tokens marked\'s own tokenizer makes', () => {
    fc.assert(
      fc.property(block, (markdown) => {
        expect(lex(markdown, true)).toEqual(lex(markdown));
      }),
      { numRuns: 3_000 },
    );
  });

  it('leaves text to marked where its pattern is another (line breaks on)', () => {
    fc.assert(
      fc.property(block, (markdown) => {
        expect(lex(markdown, true, { breaks: true })).toEqual(lex(markdown, false, { breaks: true }));
      }),
      { numRuns: 500 },
    );
  });

  it('decodes numeric character references as marked does, and leaves text in raw HTML as it is', () => {
    for (const markdown of ['Caf&#233; &amp; b&#x1F600;r', '<pre>a &#65; b</pre> c &#65;', 'x &#0; y']) {
      expect(lex(markdown, true)).toEqual(lex(markdown));
    }
  });
});

import type { Tokenizer, Tokens } from 'marked';

/**
 * marked's GFM inline text pattern, which `inlineTextLength` answers as it does. Irregexp tries
 * its lazy `[\s\S]*?` one character at a time against seven alternatives, and that was the largest
 * single cost of a cold lint (0.8 s of 4.9 s for 4,000 articles); a loop over the characters asks
 * each question once. Another marked, with another pattern, is lexed with its own.
 */
/** A backtick, which a template cannot hold as it is. */
const BT = '`';
const GFM_TEXT = String.raw`^(?:[^a-zA-Z0-9](?=(?:mailto|xmpp):)|(${BT}+|~+|[^${BT}~])(?:(?=[${BT}~])|(?= {2,}\n)|(?=[a-zA-Z0-9.!#$%&'*+\/=?_${BT}{\|}~-]+@)|[\s\S]*?(?:(?=[\\<!\[${BT}*~_]|\b_|[hH][tT][tT][pP][sS]?|[fF][tT][pP]:\/\/|(?<![^\s*_~(])www\.|$)|[^ ](?= {2,}\n)|[^a-zA-Z0-9](?=(?:mailto|xmpp):)|[^a-zA-Z0-9.!#$%&'*+\/=?_${BT}{\|}~-](?=[a-zA-Z0-9.!#$%&'*+\/=?_${BT}{\|}~-]+@))))`;

/** True when `pattern` is the one `inlineTextLength` stands for. */
export function scansPattern(pattern: RegExp): boolean {
  return pattern.source === GFM_TEXT && pattern.flags === '';
}

const BACKTICK = 0x60;
const TILDE = 0x7e;
const LOWER_W = 0x77;
const LOWER_M = 0x6d;
const LOWER_X = 0x78;

/** What an ASCII code unit is to the pattern, as bits of CLASS. */
const ALNUM = 1;
/** In an e-mail address's local part: `[a-zA-Z0-9.!#$%&'*+\/=?_`{\|}~-]`. */
const EMAIL = 2;
/** What may stand before `www.` for text to stop there, `(?<![^\s*_~(])`: its ASCII part. */
const BEFORE_WWW = 4;

const CLASS = new Uint8Array(128);
for (const [chars, bit] of [
  ['abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ALNUM],
  ["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?_`{|}~-", EMAIL],
  ['*_~( \t\n\v\f\r', BEFORE_WWW],
] as const) {
  for (const char of chars) CLASS[char.charCodeAt(0)] |= bit;
}

/** The bits of a code unit (none past the end of the text, where charCodeAt gives NaN). */
const classOf = (c: number) => (c < 128 ? CLASS[c] : 0);

/** JavaScript's `\s` beyond ASCII: the other white space and line terminators. */
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `(?:mailto|xmpp):` at `at`. */
const protocolAt = (s: string, at: number) => s.startsWith('mailto:', at) || s.startsWith('xmpp:', at);

/**
 * Where the pattern's other alternatives can hold, found by one plain search (no lazy part, no
 * lookahead at every place): a character text stops before, `http` and `ftp://` in any case,
 * `www.`, a hard break, `mailto:` and `xmpp:`. Each is then judged as the pattern judges it.
 */
const CANDIDATE = /[\\<!\[`*~_]|[hH][tT][tT][pP]|[fF][tT][pP]:\/\/|www\.| {2,}\n|(?:mailto|xmpp):/g;

/**
 * Where text ends for the e-mail alternatives from `from` on, or -1: at the start of the first run
 * of address characters, `[e-mail]+`, that ends at an '@' (at `from` itself, the zero-width
 * `(?=[e-mail]+@)`; further on, after the `[^e-mail]` the pattern takes before it).
 */
function emailEnd(s: string, from: number): number {
  for (let at = s.indexOf('@', from); at !== -1; at = s.indexOf('@', at + 1)) {
    let run = at;
    while (run > from && (classOf(s.charCodeAt(run - 1)) & EMAIL) !== 0) run--;
    if (run < at) return run;
  }
  return -1;
}

/**
 * The length of the match of marked's GFM inline text pattern at the start of `s`, or 0 where it
 * does not match (only an empty `s`). The pattern's lazy part ends at the first place where one
 * of its alternatives holds: before a stop (a character, `http`, `ftp://`, `www.` after white space
 * or `*_~(`, the end), or one code unit further where a hard break, `mailto:`, `xmpp:` or an
 * address follows. Each of those ends where the thing that follows starts, so the earliest such start wins.
 */
export function inlineTextLength(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const first = s.charCodeAt(0);
  if ((classOf(first) & ALNUM) === 0 && protocolAt(s, 1)) return 1;
  // (`+|~+|[^`~]): a run of backticks or tildes, whole (what follows always matches), or one code unit.
  let start = 1;
  if (first === BACKTICK || first === TILDE) while (s.charCodeAt(start) === first) start++;
  let end = n;
  if (s.indexOf('@', start) !== -1) {
    const email = emailEnd(s, start);
    if (email !== -1) end = email;
  }
  // A run of backticks or tildes, or a hard break, at `start` is a candidate at `start` too: the pattern's zero-width checks there.
  CANDIDATE.lastIndex = start;
  for (let match = CANDIDATE.exec(s); match !== null && match.index < end; match = CANDIDATE.exec(s)) {
    const at = match.index;
    const c = s.charCodeAt(at);
    if (c === LOWER_W) {
      const before = s.charCodeAt(at - 1);
      if ((classOf(before) & BEFORE_WWW) !== 0 || isWideSpace(before)) return at;
    } else if (c === LOWER_M || c === LOWER_X) {
      // `[^a-zA-Z0-9](?=(?:mailto|xmpp):)` takes the code unit before, which must lie in the lazy part.
      if (at > start && (classOf(s.charCodeAt(at - 1)) & ALNUM) === 0) return at;
    } else {
      return at;
    }
  }
  return end;
}

/**
 * Makes `tokenizer` (a marked Tokenizer, before a Lexer is given it) find inline text by
 * inlineTextLength wherever its Lexer's pattern is the one that stands for, and by its own method
 * elsewhere (another marked, other options). Text with an `&` goes to its own method too, cut
 * where the scan ends (the pattern then ends there as well: nothing it looks ahead at lies past the
 * cut), so that numeric character references are decoded as marked decodes them.
 */
export function scanInlineText(tokenizer: Tokenizer): Tokenizer {
  const own = tokenizer.inlineText;
  let checked: RegExp | undefined;
  let scans = false;
  tokenizer.inlineText = function (this: Tokenizer, src: string): Tokens.Text | undefined {
    const pattern = this.rules.inline.text;
    if (pattern !== checked) {
      checked = pattern;
      scans = scansPattern(pattern);
    }
    if (!scans) return own.call(this, src);
    const length = inlineTextLength(src);
    if (length === 0) return undefined;
    const raw = length === src.length ? src : src.slice(0, length);
    if (raw.includes('&')) return own.call(this, raw);
    return { type: 'text', raw, text: raw, escaped: this.lexer.state.inRawBlock };
  };
  return tokenizer;
}

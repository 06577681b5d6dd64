/**
 * Readable text of a piece of inline Markdown, with a map back to the Markdown source.
 * `offsets[i]` is the index in the source of `text[i]`; `offsets[text.length]` is the source's length.
 */
export interface MappedText {
  text: string;
  offsets: number[];
}

/**
 * Stands in for what a reader does not read as words (code, HTML comments, URLs). It is neither a
 * word character nor white space, so a phrase never matches across it.
 */
export const MASK = '\ufffc';

const AUTOLINK = /^<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/i;
const TAG = /^<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/i;
const BARE_URL = /^(?:https?:\/\/|www\.)[^\s<>()[\]]+/i;
const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Strips Markdown syntax a phrase could straddle (emphasis markers, inline tags, link destinations,
 * escapes) and masks what is not prose (inline code, HTML comments, autolinks and bare URLs), so
 * `**miracle** cure` reads "miracle cure" and `` `TODO` `` reads as nothing. Link text and image alt
 * text stay; brackets stay too, because scaffold placeholders are written `[[like this]]`.
 */
export function markdownText(raw: string): MappedText {
  let text = '';
  const offsets: number[] = [];
  const keep = (char: string, at: number) => {
    text += char;
    offsets.push(at);
  };
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '<') {
      if (raw.startsWith('<!--', i)) {
        const close = raw.indexOf('-->', i + 4);
        keep(MASK, i);
        i = close === -1 ? raw.length : close + 3;
        continue;
      }
      const rest = raw.slice(i, i + 2048);
      const autolink = AUTOLINK.exec(rest);
      if (autolink) {
        keep(MASK, i);
        i += autolink[0].length;
        continue;
      }
      const tag = TAG.exec(rest);
      if (tag) {
        i += tag[0].length;
        continue;
      }
    } else if (c === '`') {
      let run = 1;
      while (raw[i + run] === '`') run++;
      const close = closingBackticks(raw, i + run, run);
      if (close !== -1) {
        keep(MASK, i);
        i = close + run;
        continue;
      }
      for (let k = 0; k < run; k++) keep('`', i + k);
      i += run;
      continue;
    } else if (c === '\\' && PUNCTUATION.test(raw[i + 1] ?? '')) {
      keep(raw[i + 1], i + 1);
      i += 2;
      continue;
    } else if (c === ']' && raw[i + 1] === '(') {
      keep(']', i);
      i = closingParenthesis(raw, i + 1);
      continue;
    } else if (c === '*' || c === '~') {
      i++;
      continue;
    } else if (c === '_' && !(WORD.test(raw[i - 1] ?? '') && WORD.test(raw[i + 1] ?? ''))) {
      // An underscore inside a word (snake_case) is text; elsewhere it is emphasis.
      i++;
      continue;
    } else if ((c === 'h' || c === 'H' || c === 'w' || c === 'W') && !WORD.test(raw[i - 1] ?? '')) {
      const url = BARE_URL.exec(raw.slice(i, i + 2048));
      if (url) {
        keep(MASK, i);
        i += url[0].length;
        continue;
      }
    }
    keep(c, i);
    i++;
  }
  offsets.push(raw.length);
  return { text, offsets };
}

function closingBackticks(raw: string, from: number, run: number): number {
  for (let at = raw.indexOf('`', from); at !== -1; at = raw.indexOf('`', at)) {
    let length = 1;
    while (raw[at + length] === '`') length++;
    if (length === run) return at;
    at += length;
  }
  return -1;
}

/** The index just past the `)` that closes the link destination opened at `open`. */
function closingParenthesis(raw: string, open: number): number {
  let depth = 0;
  for (let i = open; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    else if (c === '\n' && raw[i + 1] === '\n') break;
  }
  return open;
}

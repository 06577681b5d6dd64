/** Readable text of a piece of inline Markdown, with a map back to the Markdown source. */
export interface MappedText {
  text: string;
  /** The index in the source of `text[index]`; `text.length` maps to the source's length. */
  sourceIndex(index: number): number;
}

/**
 * Stands in for what a reader does not read as words (code, HTML comments, URLs). It is neither a
 * word character nor white space, so a phrase never matches across it.
 */
export const MASK = '\ufffc';

// Where the text may differ from the source; runs between these are copied as they are.
// No look-behind or Unicode mode here: this runs over every character of every article.
const SPECIAL = /[<`\\*~_\]]|https?:\/\/|www\./gi;
const AUTOLINK = /<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+)>/iy;
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/iy;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>()[\]]+/iy;
const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Strips Markdown syntax a phrase could straddle (emphasis markers, inline tags, link destinations,
 * escapes) and masks what is not prose (inline code, HTML comments, autolinks and bare URLs), so
 * `**miracle** cure` reads "miracle cure" and `` `TODO` `` reads as nothing. Link text and image alt
 * text stay; brackets stay too, because scaffold placeholders are written `[[like this]]`.
 */
export function markdownText(raw: string): MappedText {
  SPECIAL.lastIndex = 0;
  if (!SPECIAL.test(raw)) return { text: raw, sourceIndex: same };
  // Runs of text copied from the source: text[textStarts[k] + n] is raw[rawStarts[k] + n].
  const textStarts: number[] = [];
  const rawStarts: number[] = [];
  let text = '';
  const copy = (from: number, to: number) => {
    if (to <= from) return;
    textStarts.push(text.length);
    rawStarts.push(from);
    text += raw.slice(from, to);
  };
  const mask = (at: number) => {
    textStarts.push(text.length);
    rawStarts.push(at);
    text += MASK;
  };
  let cursor = 0;
  const closers = new Closers(raw);
  SPECIAL.lastIndex = 0;
  for (let match = SPECIAL.exec(raw); match; match = SPECIAL.exec(raw)) {
    const i = match.index;
    copy(cursor, i);
    const step = special(raw, i, match[0], closers);
    if (step.mask) mask(i);
    if (step.keep) copy(step.keep[0], step.keep[1]);
    cursor = step.end;
    SPECIAL.lastIndex = Math.max(cursor, i + 1);
  }
  copy(cursor, raw.length);
  return {
    text,
    sourceIndex(index) {
      if (index >= text.length) return raw.length;
      let low = 0;
      let high = textStarts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (textStarts[mid] <= index) low = mid;
        else high = mid - 1;
      }
      return rawStarts[low] + index - textStarts[low];
    },
  };
}

const same = (index: number) => index;

interface Step {
  /** Where scanning goes on. */
  end: number;
  /** Put one MASK in the text for what was skipped. */
  mask?: boolean;
  /** Copy this span of the source as it is. */
  keep?: [number, number];
}

function special(raw: string, i: number, found: string, closers: Closers): Step {
  const c = found[0];
  if (c === '<') {
    if (raw.startsWith('<!--', i)) {
      const close = raw.indexOf('-->', i + 4);
      return { end: close === -1 ? raw.length : close + 3, mask: true };
    }
    const autolink = sticky(AUTOLINK, raw, i);
    if (autolink) return { end: i + autolink, mask: true };
    const tag = sticky(TAG, raw, i);
    if (tag) return { end: i + tag };
    return { end: i + 1, keep: [i, i + 1] };
  }
  if (c === '`') {
    let run = 1;
    while (raw[i + run] === '`') run++;
    const close = closers.backticks(i + run, run);
    if (close !== -1) return { end: close + run, mask: true };
    // An unmatched run is literal text.
    return { end: i + run, keep: [i, i + run] };
  }
  if (c === '\\') {
    if (PUNCTUATION.test(raw[i + 1] ?? '')) return { end: i + 2, keep: [i + 1, i + 2] };
    return { end: i + 1, keep: [i, i + 1] };
  }
  if (c === ']') {
    // A link's destination is not read: `[text](url)` reads "[text]".
    if (raw[i + 1] === '(') return { end: closers.parenthesis(i + 1), keep: [i, i + 1] };
    return { end: i + 1, keep: [i, i + 1] };
  }
  if (c === '*' || c === '~') return { end: i + 1 };
  if (c === '_') {
    // An underscore inside a word (snake_case) is text; elsewhere it is emphasis.
    const inWord = WORD.test(raw[i - 1] ?? '') && WORD.test(raw[i + 1] ?? '');
    return inWord ? { end: i + 1, keep: [i, i + 1] } : { end: i + 1 };
  }
  // A URL starts a word: "xwww.y" is not one.
  const url = WORD.test(raw[i - 1] ?? '') ? 0 : sticky(BARE_URL, raw, i);
  return url ? { end: i + url, mask: true } : { end: i + 1, keep: [i, i + 1] };
}

function sticky(pattern: RegExp, raw: string, at: number): number {
  pattern.lastIndex = at;
  const match = pattern.exec(raw);
  return match ? match[0].length : 0;
}

/**
 * Finds what closes a code span or a link destination. Each is found by one pass over the text,
 * made the first time it is asked for, so that many openers that never close (`[a](` repeated, a
 * stray backtick run) cost linear time, not a scan to the end for every one of them.
 */
class Closers {
  /** Start offsets of backtick runs, by run length, and how far each list has been read. */
  private runs?: Map<number, { starts: number[]; next: number }>;
  /** The `)` that closes the `(` at an offset, or nothing when it is not closed within its paragraph. */
  private closing?: Map<number, number>;

  constructor(private readonly raw: string) {}

  /** The start of the first run of exactly `run` backticks at or after `from`, or -1. Asked with `from` increasing. */
  backticks(from: number, run: number): number {
    this.runs ??= backtickRuns(this.raw);
    const list = this.runs.get(run);
    if (!list) return -1;
    while (list.next < list.starts.length && list.starts[list.next] < from) list.next++;
    return list.next < list.starts.length ? list.starts[list.next] : -1;
  }

  /** The index just past the `)` that closes the link destination opened at `open`, or `open` when none does. */
  parenthesis(open: number): number {
    this.closing ??= closingParentheses(this.raw);
    const close = this.closing.get(open);
    return close === undefined ? open : close + 1;
  }
}

function backtickRuns(raw: string): Map<number, { starts: number[]; next: number }> {
  const runs = new Map<number, { starts: number[]; next: number }>();
  for (let at = raw.indexOf('`'); at !== -1; at = raw.indexOf('`', at)) {
    let length = 1;
    while (raw[at + length] === '`') length++;
    let list = runs.get(length);
    if (!list) runs.set(length, (list = { starts: [], next: 0 }));
    list.starts.push(at);
    at += length;
  }
  return runs;
}

/** Pairs parentheses (backslash escapes skipped); a blank line ends a paragraph and every destination open in it. */
function closingParentheses(raw: string): Map<number, number> {
  const closing = new Map<number, number>();
  const open: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') i++;
    else if (c === '(') open.push(i);
    else if (c === ')') {
      const at = open.pop();
      if (at !== undefined) closing.set(at, i);
    } else if (c === '\n' && raw[i + 1] === '\n') open.length = 0;
  }
  return closing;
}

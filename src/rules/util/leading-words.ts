/**
 * The texts a regular expression's match can start with, up to its first white space: for
 * `(?:will|can)\s+cure|cures?\s+all` they are "will ", "can ", "cure " and "cures " (a trailing
 * space stands for the white space that follows). A match of the expression always starts with one
 * of them; where the source holds something this reading does not know (a range, `\w`, a repeat),
 * the text stops before it, which keeps that promise. Only for the ASCII phrase patterns of rules:
 * no Unicode mode, no back-references.
 */
export function leadingWords(source: string): string[] {
  const [prefixes] = alternation(source, 0);
  return [...new Set(prefixes.map((prefix) => prefix.text.toLowerCase()))];
}

/**
 * A pattern that matches at the start of any of `words` (a trailing space in a word matches white
 * space), shared beginnings written once: `(?:c(?:an\s|ure)|will\s)`. Irregexp tries the
 * alternatives of a group one by one, so a long list of words costs its length at every position
 * where a single tree costs a few characters. An empty word matches everywhere, and so does the
 * pattern then.
 */
export function prefixTree(words: readonly string[]): string {
  if (words.includes('')) return '';
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    const rest = byFirst.get(word[0]);
    if (rest) rest.push(word.slice(1));
    else byFirst.set(word[0], [word.slice(1)]);
  }
  const branches = [...byFirst].map(([first, rests]) => literal(first) + prefixTree(rests));
  return branches.length === 1 ? branches[0] : `(?:${branches.join('|')})`;
}

function literal(char: string): string {
  if (char === ' ') return '\\s';
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

interface Prefix {
  text: string;
  /** Whether the match can go on past it in ways the text no longer follows. */
  done: boolean;
}

type Atom = Prefix[] | 'zero-width' | 'space' | 'unknown';

/** The prefixes of the alternation from `start` up to its closing parenthesis (or the end), and where it stopped. */
function alternation(source: string, start: number): [Prefix[], number] {
  const all: Prefix[] = [];
  let branch: Prefix[] = [{ text: '', done: false }];
  let i = start;
  while (i < source.length && source[i] !== ')') {
    if (source[i] === '|') {
      all.push(...branch);
      branch = [{ text: '', done: false }];
      i++;
      continue;
    }
    // Once every prefix has reached white space, the rest of the branch adds nothing to them.
    if (branch.every((prefix) => prefix.done)) {
      i = branchEnd(source, i);
      continue;
    }
    const [atom, afterAtom] = readAtom(source, i);
    const [min, max, afterQuantifier] = quantifier(source, afterAtom);
    i = afterQuantifier;
    if (atom !== 'zero-width') branch = branch.flatMap((prefix) => extend(prefix, atom, min, max));
  }
  all.push(...branch);
  return [all, i];
}

function extend(prefix: Prefix, atom: Exclude<Atom, 'zero-width'>, min: number, max: number): Prefix[] {
  if (prefix.done) return [prefix];
  if (atom === 'space') return [{ text: min > 0 ? `${prefix.text} ` : prefix.text, done: true }];
  if (atom === 'unknown' || max > 1) return [{ text: prefix.text, done: true }];
  const extended = atom.map((next) => ({ text: prefix.text + next.text, done: next.done }));
  return min === 0 ? [prefix, ...extended] : extended;
}

function readAtom(source: string, i: number): [Atom, number] {
  const char = source[i];
  if (char === '(') {
    if (/^\(\?<?[=!]/.test(source.slice(i, i + 4))) {
      const open = source[i + 2] === '<' ? 4 : 3;
      return ['zero-width', groupEnd(source, i + open)];
    }
    const open = source.startsWith('(?:', i) ? i + 3 : source.startsWith('(?<', i) ? source.indexOf('>', i) + 1 : i + 1;
    const [inner, close] = alternation(source, open);
    return [inner, close + 1];
  }
  if (char === '\\') {
    const escaped = source[i + 1];
    if (escaped === 's') return ['space', i + 2];
    if (escaped === 'b' || escaped === 'B') return ['zero-width', i + 2];
    // Only an escaped punctuation mark is itself; a letter or digit is a class, a code or a back-reference.
    return [/[A-Za-z0-9]/.test(escaped) ? 'unknown' : [{ text: escaped, done: false }], i + 2];
  }
  if (char === '[') {
    const close = classEnd(source, i);
    const body = source.slice(i + 1, close);
    const plain = !body.startsWith('^') && !body.includes('\\') && !/.-./.test(body);
    return [plain ? [...new Set(body)].map((text) => ({ text, done: false })) : 'unknown', close + 1];
  }
  if (char === '.' || char === '^' || char === '$') return [char === '.' ? 'unknown' : 'zero-width', i + 1];
  return [[{ text: char, done: false }], i + 1];
}

/** How often the atom before `i` may repeat: `?`, `*`, `+`, `{m}`, `{m,}`, `{m,n}`, lazy or not. */
function quantifier(source: string, i: number): [number, number, number] {
  const found = /^(?:([?*+])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(source.slice(i, i + 16));
  if (!found) return [1, 1, i];
  const [text, sign, low, comma, high] = found;
  const after = i + text.length;
  if (sign === '?') return [0, 1, after];
  if (sign === '*') return [0, Infinity, after];
  if (sign === '+') return [1, Infinity, after];
  const min = Number(low);
  return [min, !comma ? min : high === '' ? Infinity : Number(high), after];
}

/** Just past the group whose contents start at `i`. */
function groupEnd(source: string, i: number): number {
  const close = branchEnd(source, i, false);
  return close < source.length ? close + 1 : close;
}

/** The `|` (unless `atBar` is false) or `)` that ends the branch going on at `i`, or the source's end. */
function branchEnd(source: string, i: number, atBar = true): number {
  let depth = 0;
  for (let at = i; at < source.length; at++) {
    const char = source[at];
    if (char === '\\') at++;
    else if (char === '[') at = classEnd(source, at);
    else if (char === '(') depth++;
    else if (char === ')' && depth-- === 0) return at;
    else if (char === '|' && atBar && depth === 0) return at;
  }
  return source.length;
}

/** The `]` that closes the class opening at `i` (a `]` first in the class, or escaped, is a member). */
function classEnd(source: string, i: number): number {
  let at = source[i + 1] === '^' ? i + 2 : i + 1;
  if (source[at] === ']') at++;
  for (; at < source.length; at++) {
    if (source[at] === '\\') at++;
    else if (source[at] === ']') return at;
  }
  return source.length;
}

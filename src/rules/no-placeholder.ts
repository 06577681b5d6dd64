import type { Article } from '../core/article.js';
import type { Place, Report } from '../core/diagnostic.js';
import type { Rule } from './types.js';
import { phrasePattern } from './util/phrase-pattern.js';
import { textBlocks } from './util/text-blocks.js';

/**
 * The marker `healthmd new` writes where the writer still has to fill something in:
 * `[[Describe the main symptoms]]`. No flags: callers add `g` where they need it.
 */
export const PLACEHOLDER_PATTERN = /\[\[[^\]]*\]\]/;

interface Kind {
  messageId: string;
  pattern: RegExp;
  /** A cheap test that the text may hold a match: most text holds none. */
  maybe(text: string): boolean;
  message(found: string): string;
}

const NOTES = ['TODO', 'TBD', 'FIXME', 'XXX'];
const WORD_CHAR = /[\p{L}\p{N}_]/u;

const KINDS: Kind[] = [
  {
    messageId: 'todo',
    // Upper case only: "todo" and "xxx" in running text are rarely notes to self. Whole words are checked in `hits`.
    pattern: /TODO|TBD|FIXME|XXX/g,
    maybe: (text) => NOTES.some((note) => text.includes(note)),
    message: (found) => `"${found}" marks unfinished work: finish the text and remove the marker before publishing`,
  },
  {
    messageId: 'lorem-ipsum',
    pattern: /\blorem\s+ipsum\b/gi,
    maybe: (text) => /lorem/i.test(text),
    message: () => 'Filler text "lorem ipsum": replace it with the real text',
  },
  {
    messageId: 'scaffold',
    pattern: new RegExp(PLACEHOLDER_PATTERN.source, 'g'),
    maybe: (text) => text.includes('[['),
    message: (found) => `Scaffold placeholder ${found} is still here: replace it with the text it asks for`,
  },
];

interface Hit {
  messageId: string;
  message: string;
  index: number;
  length: number;
}

/** Finds what was left to be written: TODO-style notes, filler text and `healthmd new` placeholders. */
export const noPlaceholder: Rule = {
  id: 'no-placeholder',
  description: 'No TODO, TBD, FIXME, XXX, lorem ipsum or scaffold placeholders left in the text or front matter',
  severity: 'error',
  messages: {
    todo: 'a TODO, TBD, FIXME or XXX note is left in',
    'lorem-ipsum': 'filler text (lorem ipsum) is left in',
    scaffold: 'a [[…]] placeholder written by `healthmd new` is left in',
    phrase: 'a phrase configured in the `phrases` option is left in',
  },
  defaultOptions: { phrases: [] },
  check({ article, options, report }) {
    const kinds = [...KINDS];
    const custom = phrasePattern(options.phrases);
    if (custom) {
      kinds.push({
        messageId: 'phrase',
        pattern: custom,
        maybe: () => true,
        message: (found) => `Placeholder "${found}" is left in: replace it with the real text`,
      });
    }
    const find = (text: string) => hits(text, kinds);
    checkFrontMatter(article, find, report);
    for (const block of textBlocks(article)) {
      for (const hit of find(block.text)) {
        const end = block.endPlace(hit.index + hit.length);
        report({ messageId: hit.messageId, message: hit.message, ...block.place(hit.index), endLine: end.line, endColumn: end.column });
      }
    }
  },
};

function hits(text: string, kinds: readonly Kind[]): Hit[] {
  const found: Hit[] = [];
  for (const kind of kinds) {
    if (!kind.maybe(text)) continue;
    kind.pattern.lastIndex = 0;
    for (const match of text.matchAll(kind.pattern)) {
      const end = match.index + match[0].length;
      if (kind.messageId === 'todo' && (WORD_CHAR.test(text[match.index - 1] ?? '') || WORD_CHAR.test(text[end] ?? ''))) continue;
      found.push({ messageId: kind.messageId, message: kind.message(match[0]), index: match.index, length: match[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Looks at every string value in the front matter (title, description, condition, list items…).
 * A finding points at the words in the file when they can be found there as written, else at the value.
 */
function checkFrontMatter(article: Article, find: (text: string) => Hit[], report: (report: Report) => void): void {
  const frontMatter = article.frontMatter;
  if (!frontMatter) return;
  let starts: number[] | undefined;
  // Where the value written at `from` ends: at the next key or list item, or the closing fence.
  const segmentEnd = (from: number) => {
    starts ??= Object.values(frontMatter.places)
      .flatMap((place) => [place.key, ...(place.items ?? [])])
      .map((place) => article.offsetOf(place))
      .sort((a, b) => a - b);
    return starts.find((start) => start > from) ?? frontMatter.end;
  };
  for (const [key, place] of Object.entries(frontMatter.places)) {
    const value = article.data[key];
    const values: Array<[unknown, Place]> = Array.isArray(value) ? value.map((item, i) => [item, place.items?.[i] ?? place.value]) : [[value, place.value]];
    for (const [text, at] of values) {
      if (typeof text !== 'string') continue;
      const found = find(text);
      if (found.length === 0) continue;
      const from = article.offsetOf(at);
      const written = article.source.slice(from, segmentEnd(from));
      let cursor = 0;
      for (const hit of found) {
        const words = text.slice(hit.index, hit.index + hit.length);
        const index = written.indexOf(words, cursor);
        if (index === -1) {
          report({ messageId: hit.messageId, message: `${key}: ${hit.message}`, ...at });
          continue;
        }
        cursor = index + words.length;
        const start = article.lines.place(from + index);
        const end = article.lines.place(from + index + words.length);
        report({ messageId: hit.messageId, message: `${key}: ${hit.message}`, ...start, endLine: end.line, endColumn: end.column });
      }
    }
  }
}

import path from 'node:path';
import { slug } from 'github-slugger';
import type { Article } from '../core/article.js';
import type { Config } from '../core/config.js';
import { toPosix } from '../core/relative-path.js';
import type { Place } from '../core/diagnostic.js';
import { isPlaceholderValue } from '../core/placeholder-value.js';
import { defineRule, type ProjectView, type RuleContext } from './types.js';
import * as z from 'zod/mini';
import { conflictMarkers } from './util/conflict-markers.js';
import { reportExampleValues } from './util/example-values.js';
import { phrasePattern } from './util/phrase-pattern.js';
import { shortcodeBodies } from './util/shortcode-bodies.js';
import { textBlocks, type TextBlock } from './util/text-blocks.js';
import { titleInUse } from './util/title-in-use.js';

/**
 * The marker `healthmd new` writes where the writer still has to fill something in:
 * `[[Describe the main symptoms]]`. No flags: callers add `g` where they need it. The text inside
 * holds no `[` either, so a run of brackets is matched in linear time: with `[^\]]*` every `[[` of
 * `[[[[…` scanned to the end of the text before failing.
 */
export const PLACEHOLDER_PATTERN = /\[\[[^[\]]*\]\]/;

type MessageId = keyof typeof noPlaceholder.messages;

interface Kind {
  messageId: MessageId;
  pattern: RegExp;
  /** A cheap test that the text may hold a match: most text holds none. */
  maybe(text: string): boolean;
  /** The template's values besides `found`. */
  data?(found: string): Record<string, string>;
}

const NOTES = ['TODO', 'TBD', 'FIXME', 'XXX'];
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const OPENING_QUOTES = '"\'“‘«„';
const CLOSING_QUOTES = '"\'”’»“';
/** A word or a quotation (and perhaps a comma) then blanks, at the end of what stands before a quotation mark, on its line. */
const WORD_BEFORE = /[\p{L}\p{N}"'”’»],?[^\S\n]+$/u;
/** The kinds a quotation can mention rather than leave: the words themselves, not `[[…]]` or template tags. */
const MENTIONABLE = new Set<MessageId>(['todo', 'lorem-ipsum']);

const KINDS: Kind[] = [
  {
    messageId: 'todo',
    // Upper case only: "todo" and "xxx" in running text are rarely notes to self. Whole words are checked in `hits`.
    pattern: /TODO|TBD|FIXME|XXX/g,
    maybe: (text) => NOTES.some((note) => text.includes(note)),
  },
  {
    messageId: 'lorem-ipsum',
    pattern: /\blorem\s+ipsum\b/gi,
    maybe: (text) => /lorem/i.test(text),
  },
  {
    messageId: 'scaffold',
    pattern: new RegExp(PLACEHOLDER_PATTERN.source, 'g'),
    maybe: (text) => text.includes('[['),
  },
];

/**
 * Template tags of other generators: Liquid (Jekyll, Eleventy) `{{ site.baseurl }}` and
 * `{% include x.html %}`, Hugo shortcodes `{{< x >}}` and `{{% x %}}`. An article's text is never
 * evaluated as a template, so they reach the page as written. Bounded, so a line of braces stays linear.
 */
const TEMPLATE_SYNTAX = /\{\{[^{}\n]{0,200}\}\}|\{%[^\n]{0,200}?%\}/g;

const TEMPLATE: Kind = {
  messageId: 'template-syntax',
  pattern: TEMPLATE_SYNTAX,
  maybe: (text) => text.includes('{{') || text.includes('{%'),
  data: (found) => ({
    advice: /\bsite\.(?:base_?url|url)\b/i.test(found)
      ? 'write the link as a site-root path (/about/) or a relative one instead'
      : 'replace it with the text or link it stood for, or remove it',
  }),
};

const OBJECT_TEXT: Kind = {
  messageId: 'placeholder-value',
  pattern: /\[object Object\]/g,
  maybe: (text) => text.includes('[object '),
  data: () => ({ why: 'writes for a value it could not turn into text' }),
};

interface Hit {
  messageId: MessageId;
  data: Record<string, string>;
  index: number;
  length: number;
}

/** Finds what was left to be written: TODO-style notes, filler text and `healthmd new` placeholders. */
export const noPlaceholder = defineRule({
  id: 'no-placeholder',
  description: 'No TODO, TBD, FIXME, XXX, lorem ipsum, scaffold placeholders, example people and dates, `undefined`/`null` values, other generators\' template syntax or git merge-conflict markers left in the text or front matter; a [[…]] that is a wiki link to another note (Obsidian and wiki plugins write them) is named as one, with the Markdown link to write',
  severity: 'error',
  messages: {
    // `in` names the front-matter key ("title: ") when the words are there, and is empty in the body.
    todo: '{{in}}"{{found}}" marks unfinished work: finish the text and remove the marker before publishing',
    'lorem-ipsum': '{{in}}Filler text "lorem ipsum": replace it with the real text',
    scaffold: '{{in}}Scaffold placeholder {{found}} is still here: replace it with the text it asks for',
    'wiki-link': 'Wiki link {{found}} is printed as written, brackets and all: Markdown has no [[…]] links (Obsidian and wiki plugins have them); write it as {{link}}',
    phrase: '{{in}}Placeholder "{{found}}" is left in: replace it with the real text',
    'placeholder-value': '{{in}}"{{found}}" is what a script {{why}}: write the real text{{note}}',
    'template-syntax': '{{in}}Template syntax {{found}} from another generator is printed as written (healthmd never evaluates it): {{advice}}',
    'example-person': '{{key}}: "{{name}}" is an example, not a real {{role}}: {{action}}',
    'conflict-marker': 'A merge conflict is left in the text (git\'s <<<<<<<, ======= and >>>>>>> lines): both versions would be published; keep the one you want and delete the other with the marker lines',
    'placeholder-date': '{{key}}: {{date}} is the date a script writes when it has none (day 0 of Unix time), not a real one: write the real date',
  },
  options: z.strictObject({ phrases: z._default(z.array(z.string().check(z.minLength(1))), []) }),
  check({ article, config, options, project, report }) {
    const kinds = [...KINDS, OBJECT_TEXT];
    const custom = phrasePattern(options.phrases);
    if (custom) {
      kinds.push({
        messageId: 'phrase',
        pattern: custom,
        maybe: () => true,
      });
    }
    const find = (text: string, withTemplates: boolean) => {
      const found = hits(text, withTemplates ? [...kinds, TEMPLATE] : kinds);
      const value = valueHit(text);
      if (value && !found.some((hit) => hit.index === value.index)) found.unshift(value);
      return found;
    };
    checkFrontMatter(article, (text) => find(text, true), report);
    reportExampleValues(article, config, report);
    let shortcodes: Array<[number, number]> | undefined;
    const inShortcode = (at: number) => (shortcodes ??= shortcodeBodies(article.body)).some(([from, to]) => from <= at && at < to);
    for (const block of textBlocks(article)) {
      for (const hit of find(block.text, false)) {
        if (hit.messageId === 'scaffold' && !scaffoldInBody(block, hit, article.body, inShortcode)) continue;
        const at = block.span(hit.index, hit.index + hit.length);
        const link = hit.messageId === 'scaffold' ? wikiLink(block.text.slice(hit.index + 2, hit.index + hit.length - 2), article.body[at.start - 1] === '!', article, config, project) : undefined;
        if (link) report({ messageId: 'wiki-link', data: { found: hit.data.found, link }, at: article.body[at.start - 1] === '!' ? { start: at.start - 1, end: at.end } : at });
        else report({ messageId: hit.messageId, data: { ...hit.data, in: '', note: '' }, at });
      }
      // In the Markdown source, not the readable text: a link's destination (`]({{ site.baseurl }}/x)`)
      // holds template syntax as often as the words do.
      for (const hit of templateHits(block.raw)) {
        report({ messageId: hit.messageId, data: { ...hit.data, in: '' }, at: { start: block.bodyOffset(hit.index), end: block.bodyOffset(hit.index + hit.length) } });
      }
    }
    for (const at of conflictMarkers(article.body)) report({ messageId: 'conflict-marker', at });
    for (const html of article.html) {
      if (!html.block || html.comment) continue;
      for (const hit of templateHits(html.raw)) {
        report({ messageId: hit.messageId, data: { ...hit.data, in: '' }, at: { start: html.start + hit.index, end: html.start + hit.index + hit.length } });
      }
    }
  },
});

/**
 * The Markdown link to write for `[[inner]]` when it is a wiki link, as Obsidian and wiki plugins
 * write them, not a scaffold placeholder: an embed (`![[chart.png]]`), a link with shown words or
 * a heading (`[[Sleep diary|a diary]]`, `[[Stress#Signs]]`), or the name of a Markdown file beside
 * the article or at the top of the articles folder (`[[Breathing Exercises]]`).
 */
function wikiLink(inner: string, embed: boolean, article: Article, config: Config, project: ProjectView): string | undefined {
  const [target, shown] = inner.split('|', 2);
  const [name, heading] = target.split('#', 2);
  const file = name.trim();
  // A heading of the note itself: `[[#Signs]]`.
  if (file === '') return heading?.trim() ? `[${(shown ?? heading).trim()}](#${slug(heading.trim())})` : undefined;
  const beside = path.join(path.dirname(article.path), `${file}.md`);
  const atTop = path.resolve(config.root, config.articlesDir, `${file}.md`);
  // Shown words, a heading or an embed say it is a link; a bare name, only a note of that name.
  const marked = embed || shown !== undefined || heading !== undefined;
  const found = marked ? undefined : [beside, atTop].find((candidate) => project.exists(candidate));
  if (!marked && !found) return undefined;
  const words = (shown ?? file).trim();
  if (embed) return `![${words}](${encodeURI(file)})`;
  const href = encodeURI(toPosix(path.relative(path.dirname(article.path), found ?? beside)));
  return `[${words}](${href}${heading ? `#${slug(heading.trim())}` : ''})`;
}

/**
 * True when `[[…]]` in a block's text is a placeholder as written. Two things read the same once
 * link destinations are dropped and are not: brackets around a link (`[[GitHub](https://…)]`, where
 * the inner `]` is followed by the destination) and TOML array-of-tables headers inside a Hugo
 * shortcode's body (`[[menus.main]]` between `{{< code-toggle >}}` and its closing tag).
 */
function scaffoldInBody(block: TextBlock, hit: Hit, body: string, inShortcode: (at: number) => boolean): boolean {
  const innerClose = block.span(hit.index + hit.length - 2, hit.index + hit.length - 1).start;
  if (body[innerClose] === ']' && (body[innerClose + 1] === '(' || body[innerClose + 1] === '[')) return false;
  return !inShortcode(block.span(hit.index, hit.index + 1).start);
}

/**
 * True when the marker at `index` is quoted as a word being talked about: a quotation mark on each
 * side of it alone (a full stop or comma may stand inside the closing one) and a word just before
 * the opening one on its line, as in `listed as "TBD"` or `write 'TODO' in the margin`. After a
 * colon, a dash or at the start of a line, a table cell or a value (`Dose: "TBD"`) it is a placeholder.
 */
function quotedMention(text: string, index: number, end: number): boolean {
  if (!OPENING_QUOTES.includes(text[index - 1] ?? '\n')) return false;
  const after = ',.;!?'.includes(text[end] ?? '\n') ? end + 1 : end;
  if (!CLOSING_QUOTES.includes(text[after] ?? '\n')) return false;
  return WORD_BEFORE.test(text.slice(Math.max(0, index - 41), index - 1));
}

/** A whole value that a script wrote for "nothing" (`title: undefined`). */
function valueHit(text: string): Hit | undefined {
  if (!isPlaceholderValue(text)) return undefined;
  const value = text.trim();
  return {
    messageId: 'placeholder-value',
    data: { found: value, why: 'or template writes when it has no value; it is not text a reader should see' },
    index: text.indexOf(value),
    length: value.length,
  };
}

/** Template syntax in Markdown source, outside code spans and HTML comments (where it is shown as code, or not at all). */
function templateHits(raw: string): Hit[] {
  if (!TEMPLATE.maybe(raw)) return [];
  const skipped = codeAndComments(raw);
  return hits(raw, [TEMPLATE]).filter((hit) => !skipped.some(([from, to]) => hit.index < to && hit.index + hit.length > from));
}

/** Ranges of inline code spans (a backtick run closed by the next run of the same length) and HTML comments. Linear. */
function codeAndComments(raw: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const runs: Array<[number, number]> = [];
  for (const match of raw.matchAll(/`+/g)) runs.push([match.index, match[0].length]);
  // For each run, the next run of the same length.
  const next: number[] = new Array(runs.length).fill(-1);
  const lastOfLength = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    next[i] = lastOfLength.get(runs[i][1]) ?? -1;
    lastOfLength.set(runs[i][1], i);
  }
  for (let i = 0; i < runs.length; i++) {
    if (next[i] === -1) continue;
    const close = runs[next[i]];
    ranges.push([runs[i][0], close[0] + close[1]]);
    i = next[i];
  }
  for (let at = raw.indexOf('<!--'); at !== -1; at = raw.indexOf('<!--', at + 4)) {
    const end = raw.indexOf('-->', at + 4);
    ranges.push([at, end === -1 ? raw.length : end + 3]);
    if (end === -1) break;
  }
  return ranges;
}

function hits(text: string, kinds: readonly Kind[]): Hit[] {
  const found: Hit[] = [];
  for (const kind of kinds) {
    if (!kind.maybe(text)) continue;
    kind.pattern.lastIndex = 0;
    for (const match of text.matchAll(kind.pattern)) {
      const end = match.index + match[0].length;
      if (kind.messageId === 'todo' && (WORD_CHAR.test(text[match.index - 1] ?? '') || WORD_CHAR.test(text[end] ?? ''))) continue;
      if (MENTIONABLE.has(kind.messageId) && quotedMention(text, match.index, end)) continue;
      found.push({ messageId: kind.messageId, data: { found: match[0], ...kind.data?.(match[0]) }, index: match.index, length: match[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Looks at every string value in the front matter (title, description, condition, list items…).
 * A finding points at the words in the file when they can be found there as written, else at the value.
 */
function checkFrontMatter(article: Article, find: (text: string) => Hit[], report: RuleContext<MessageId>['report']): void {
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
        // A title left as `undefined` is not shown: say which title the page shows instead.
        const note = key === 'title' && hit.messageId === 'placeholder-value' ? `. ${titleInUse(article)}` : '';
        const data = { ...hit.data, in: `${key}: `, note };
        if (index === -1) {
          report({ messageId: hit.messageId, data, at: { place: at } });
          continue;
        }
        cursor = index + words.length;
        report({ messageId: hit.messageId, data, at: { sourceStart: from + index, sourceEnd: from + index + words.length } });
      }
    }
  }
}

import type { Article } from '../core/article.js';
import { articleTitle } from '../core/article-info.js';
import type { Fix } from '../core/diagnostic.js';
import { headingIds } from '../core/heading-ids.js';
import type { Heading } from '../core/markdown.js';
import { defineRule, type RuleContext } from './types.js';

/** A heading on the outline's stack: its level as written and the level it has once fixed. */
interface Open {
  depth: number;
  level: number;
  /** Texts of the headings directly under it, lower-cased, with the first heading of each. */
  children: Map<string, Heading>;
}

/**
 * The page's outline must read as a table of contents: the title is its H1, so the body starts at
 * H2 and never skips a level. Fixes only rewrite the `#` run (or a setext H1's `=` underline).
 * Without a `title` in the front matter, an H1 that opens the body's outline is the title (the page
 * shows it as the title, once), so it is not a second H1; front-matter-schema reports the missing key.
 */
export const headingStructure = defineRule({
  id: 'heading-structure',
  description:
    'No body H1 (the title is the H1), no skipped levels, no empty or duplicate sibling headings, no id set by two headings ({#id}), ' +
    'no heading that shows as a paragraph because it has no space after its #s (##Causes)',
  severity: 'error',
  fixable: true,
  messages: {
    h1: "{{name}} is an H1, but the title is the page's H1: make it an H2 (##)",
    'skipped-level': '{{name}} is an H{{depth}} under {{under}}, skipping a level: make it an H{{level}} ({{hashes}})',
    empty: 'Empty heading: give it text that names its section, or remove it',
    duplicate: '{{name}} repeats the heading on line {{line}} under the same parent: merge the two sections or rename one',
    'duplicate-id': '{{name}} sets the id #{{id}}, which the heading on line {{line}} already sets: links to #{{id}} go there, so this heading is published as #{{published}}; give it an id of its own',
    'no-space': '"{{written}}" looks like a heading but shows as a paragraph: put a space after the #s, "{{heading}}"',
  },
  check({ article, report }) {
    reportUnspacedHeadings(article, report);
    // The title stands for the H1 every body heading sits under.
    const title: Open = { depth: 1, level: 1, children: new Map() };
    const stack: Open[] = [title];
    const titleHeading = articleTitle(article).heading;
    // Most articles set no id of their own: nothing to compare.
    if (article.headings.some((heading) => heading.id !== undefined)) reportDuplicateIds(article, report);
    for (const heading of article.headings) {
      if (heading === titleHeading) continue;
      while (stack.length > 1 && stack[stack.length - 1].depth >= heading.depth) stack.pop();
      const parent = stack[stack.length - 1];
      const start = headingStart(article, heading);
      const at = { start, end: lineEnd(article, heading) };
      const name = heading.text ? `"${heading.text}"` : 'An empty heading';
      let level = heading.depth;
      if (heading.depth === 1) {
        level = 2;
        report({
          messageId: 'h1',
          data: { name },
          at,
          fix: levelFix(article, heading, start, 2),
        });
      } else if (heading.depth > parent.level + 1) {
        level = parent.level + 1;
        const under = parent === title ? 'the title (H1)' : `an H${parent.level}`;
        report({
          messageId: 'skipped-level',
          data: { name, depth: heading.depth, under, level, hashes: '#'.repeat(level) },
          at,
          fix: levelFix(article, heading, start, level),
        });
      }
      if (!heading.text) {
        report({ messageId: 'empty', at });
      } else {
        const key = heading.text.replace(/\s+/g, ' ').toLowerCase();
        const first = parent.children.get(key);
        if (first === undefined) parent.children.set(key, heading);
        else {
          report({ messageId: 'duplicate', data: { name, line: { lineOf: first.start } }, at });
        }
      }
      stack.push({ depth: heading.depth, level, children: new Map() });
    }
  },
});

/**
 * `##Vitamin D`: 1–6 `#`s straight before a letter, at the start of a paragraph's line. CommonMark
 * needs a space there, so the line is shown as text; Jekyll's old kramdown did not, and content
 * from such sites has these. A `#` line that lists hashtags (`#health #sleep`) is not a heading.
 */
const UNSPACED_HEADING = /^( {0,3})(#{1,6})(\p{L}.*)$/u;
const HASHTAG_AFTER = /\s#\p{L}/u;

function reportUnspacedHeadings(article: Article, report: RuleContext<'no-space'>['report']): void {
  // Only top-level paragraphs: code, HTML blocks, lists and quotes are not where the outline is written.
  for (const token of article.tokens) {
    if (token.type !== 'paragraph' || !token.raw.includes('#')) continue;
    let offset = article.spanOf(token).start;
    for (const line of token.raw.split('\n')) {
      const match = UNSPACED_HEADING.exec(line);
      if (match && !HASHTAG_AFTER.test(match[3])) {
        const [, indent, hashes, text] = match;
        const at = offset + indent.length;
        const written = line.slice(indent.length).trimEnd();
        report({
          messageId: 'no-space',
          data: { written, heading: `${hashes} ${text.trimEnd()}` },
          at: { start: at, end: at + written.length },
          fix: sourceFix(article, at + hashes.length, at + hashes.length, ' '),
        });
      }
      offset += line.length + 1;
    }
  }
}

/** Body offset of the heading's first character (its `#` run or setext text), past any indentation. */
function headingStart(article: Article, heading: Heading): number {
  let at = heading.start;
  while (article.body[at] === ' ') at++;
  return at;
}

/** Body offset where the heading's first line ends: a finding spans the line the writer sees as the heading. */
function lineEnd(article: Article, heading: Heading): number {
  const end = article.body.indexOf('\n', heading.start);
  return end === -1 || end > heading.end ? heading.end : end;
}

/** Rewrites only the `#` run of an ATX heading; a setext heading gets a fix only from H1 to H2. */
function levelFix(article: Article, heading: Heading, start: number, level: number): Fix | undefined {
  const body = article.body;
  if (body[start] === '#') {
    let end = start;
    while (body[end] === '#') end++;
    return sourceFix(article, start, end, '#'.repeat(level));
  }
  if (level !== 2) return undefined;
  // Setext H1: the `=` underline becomes a `-` underline of the same length, which is an H2.
  const raw = body.slice(heading.start, heading.end).replace(/\s+$/, '');
  const underline = heading.start + raw.lastIndexOf('\n') + 1;
  let from = underline;
  while (body[from] === ' ') from++;
  let to = from;
  while (body[to] === '=') to++;
  if (to === from) return undefined;
  return sourceFix(article, from, to, '-'.repeat(to - from));
}

/** A fix on `source` replacing a span of one body line (body and source differ only by line endings). */
function sourceFix(article: Article, from: number, to: number, text: string): Fix {
  const start = article.sourceOffset(from);
  return { range: [start, start + (to - from)], text };
}

/** A heading that sets an id another heading above it set already (`{#dose}` twice). */
function reportDuplicateIds(article: Article, report: RuleContext['report']): void {
  // Slugging every heading costs more than this rule's other checks: only for an id set twice.
  let ids: string[] | undefined;
  const idSetters = new Map<string, Heading>();
  article.headings.forEach((heading, i) => {
    if (heading.id === undefined) return;
    const first = idSetters.get(heading.id);
    if (!first) {
      idSetters.set(heading.id, heading);
      return;
    }
    const name = heading.text ? `"${heading.text}"` : 'An empty heading';
    const at = { start: headingStart(article, heading), end: lineEnd(article, heading) };
    report({ messageId: 'duplicate-id', data: { name, id: heading.id, line: { lineOf: first.start }, published: (ids ??= headingIds(article))[i] }, at });
  });
}

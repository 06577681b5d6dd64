import { createRequire } from 'node:module';
import { marked } from 'marked';
import { parseFragment, serialize } from 'parse5';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { classifyUrl } from '../../src/core/url-safety.js';
import { renderArticleHtml, type ArticleHtmlOptions } from '../../src/render/article-html.js';
import { cleanUrl } from '../../src/render/article-urls.js';
import { activeContent } from '../site/support/active-content.js';

/**
 * CommonMark conformance: every example of the spec (the commonmark-spec package), rendered by
 * healthmd's article renderer, must come out as marked renders it (healthmd renders with marked,
 * so marked's own output is the reference, its own deviations from the spec included), once what
 * healthmd adds on purpose is taken away (see `normalise`). What is left must be listed below
 * with its reason; a difference that is not listed fails, and so does a listed one that is gone,
 * so the lists only ever shrink.
 */

interface SpecExample {
  markdown: string;
  section: string;
  number: number;
}

// The spec writes tabs as →, as its own test runner reads them.
const EXAMPLES = (createRequire(import.meta.url)('commonmark-spec') as { tests: SpecExample[] }).tests.map((example) => ({
  ...example,
  markdown: example.markdown.replace(/→/g, '\t'),
}));

/**
 * Where healthmd's page differs from marked's, example numbers by the reason, each one a thing
 * safety or the author's words require. Every other example must compare equal; a listed one that compares equal
 * fails until it is taken out, so the lists only ever shrink. Listed examples, and every example
 * with raw HTML, are held to what every `html` mode promises: each word marked shows is still on
 * the page, and nothing on it can run code or load another document.
 */
const DIFFERENCES: Readonly<Record<string, readonly number[]>> = {
  "Raw HTML outside GitHub's allowlist is removed and its words kept: unknown elements (<warning>, <responsive-image>), attributes such as class (an article may not borrow the page's own styles), scripts, styles, comments, processing instructions, declarations and CDATA":
    [150, 152, 153, 154, 163, 164, 169, 170, 171, 172, 173, 176, 177, 178, 179, 180, 182, 183, 201, 308, 309, 491, 524, 536, 613, 614, 615, 616, 617, 625, 626, 627, 628, 629],
  'A raw-HTML element left open is closed within the block that opened it (each block is sanitized whole), where a browser would reopen it after the paragraph: the same words, without the empty link the browser adds':
    [187, 344, 476, 477, 494],
  'A raw-HTML URL goes through the resolver Markdown links use, which writes it percent-encoded: the same address':
    [21, 31, 630, 631, 642, 643],
  'A site-root image (/url) whose file is not in the project (the spec has no files) is left out: the page shows its alt text and link-safety reports it':
    [572, 574, 575, 579, 581, 582, 583, 584, 585, 586, 587, 588, 589, 591],
  'A scheme healthmd cannot trust (irc:, a+b+c:, made-up-scheme:, localhost:, foo:) is never linked; link-safety reports it and the words stay':
    [500, 596, 598, 599, 601],
  'An empty link destination leads nowhere: the words are shown unlinked and link-safety warns (empty-url)':
    [200, 485, 486, 487, 567],
  "An HTML block keeps the line end marked drops before a blank line, as the spec's own output does, so the words of two blocks never run together (two images left out as their alt text read 'early signlate sign'): a line end more, between blocks":
    [148, 149, 155, 167, 174, 175, 184, 188, 190, 191],
};

/**
 * Of those, the examples where a character a browser would show is not on the page, each with
 * why. No mode may drop a word; an example that keeps its text fails until it is taken out.
 */
const TEXT_LOST: Readonly<Record<number, string>> = {
  629: "a CDATA section, whose tail '&<]]>' a browser shows after a bogus comment, is removed whole: it is markup, not prose, and holds no word",
};

/** Rendered as the default config renders: raw HTML passes GitHub's allowlist (`html: sanitize`). */
const OPTIONS: Pick<ArticleHtmlOptions, 'html'> = { html: 'sanitize' };

/**
 * The spec has no site, so every URL healthmd accepts leads to itself, written as marked writes it;
 * where a safe URL leads in a built site (an article's page, a copied image) is the site renderer's
 * business and tested there. What classifyUrl refuses is dropped, as the site renderer drops it.
 */
function keepSafeUrl(href: string, use: 'link' | 'image'): string | undefined {
  const url = classifyUrl(href, use);
  // A site-root image is published only when its file is in the project; the spec's project has none.
  if (use === 'image' && url.target === 'site-root') return undefined;
  return url.kind === 'unsafe' || url.target === 'empty' ? undefined : cleanUrl(href);
}

/**
 * The article as healthmd's build renders its body. The front matter gives it a title, so every
 * body H1 is rendered as written (the title is the page's H1; heading-structure reports body H1s,
 * and only an article without a title would take its first H1 as the title).
 */
function healthmdHtml(markdown: string, options: Pick<ArticleHtmlOptions, 'html'>): string {
  const article = parseArticle({ path: '/project/articles/spec.md', relPath: 'spec.md', content: `---\ntitle: Spec\n---\n${markdown}` });
  const html = renderArticleHtml(article, { ...options, url: keepSafeUrl });
  // A heading named Sources or Disclaimer would be moved out of the body; no spec example has one.
  expect(html.sources ?? html.disclaimer).toBeUndefined();
  return html.body;
}

function markedHtml(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
  parentNode?: Node | null;
}

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const hasClass = (node: Node, name: string) => (attr(node, 'class') ?? '').split(/\s+/).includes(name);

/**
 * Takes away what healthmd adds on purpose, so the rest can be compared with marked's output:
 * heading ids and their self-links, the scrolling box around tables, cell alignment as a class
 * (not the obsolete align attribute), task checkboxes as symbols (a disabled input without a label
 * fails accessibility checks) and lazy loading on images. Serialising through parse5 also makes
 * equal markup spelled differently (`&#39;` and `&#x27;`) compare equal.
 */
function normalise(html: string): string {
  const fragment = parseFragment(html) as unknown as Node;
  const walk = (node: Node): Node[] => {
    const children = (node.childNodes ?? []).flatMap(walk);
    if (node.childNodes) node.childNodes = children;
    if (!node.tagName) return [node];
    if (/^h[1-6]$/.test(node.tagName)) {
      const id = attr(node, 'id');
      node.attrs = node.attrs!.filter((a) => a.name !== 'id');
      const only = children.length === 1 ? children[0] : undefined;
      if (id && only && hasClass(only, 'heading-anchor') && attr(only, 'href') === `#${id}`) node.childNodes = only.childNodes ?? [];
    }
    if (node.tagName === 'div' && hasClass(node, 'table-scroll')) {
      const last = children.at(-1);
      return last?.nodeName === '#text' && last.value?.trim() === '' ? children.slice(0, -1) : children;
    }
    if (node.tagName === 'th' || node.tagName === 'td') {
      const align = /\balign-(left|center|right)\b/.exec(attr(node, 'class') ?? '')?.[1];
      if (align) node.attrs = [{ name: 'align', value: align }];
    }
    if (node.tagName === 'span' && hasClass(node, 'task-state')) {
      const checked = attr(node, 'aria-label') === 'done';
      node.tagName = node.nodeName = 'input';
      node.attrs = [...(checked ? [{ name: 'checked', value: '' }] : []), { name: 'disabled', value: '' }, { name: 'type', value: 'checkbox' }];
      node.childNodes = [];
    }
    if (node.tagName === 'img') node.attrs = node.attrs!.filter((a) => !(a.name === 'loading' && a.value === 'lazy'));
    return [node];
  };
  walk(fragment);
  return serialize(fragment as never);
}

/** What a reader sees: the text outside scripts, styles and templates, whitespace collapsed. */
function readerText(html: string): string {
  let out = '';
  const walk = (node: Node) => {
    if (node.nodeName === '#text') out += ` ${node.value ?? ''} `;
    if (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template') return;
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(parseFragment(html) as unknown as Node);
  return out.replace(/\s+/g, ' ').trim();
}

/** Words of `reference` missing from `text`, in order (each word must appear after the last one found). */
function missingWords(reference: string, text: string): string[] {
  const missing: string[] = [];
  let from = 0;
  for (const word of reference.split(' ').filter(Boolean)) {
    const at = text.indexOf(word, from);
    if (at === -1) missing.push(word);
    else from = at + word.length;
  }
  return missing;
}

type Outcome = 'identical' | 'normalised-equal' | 'differing';

function compare(markdown: string, options: Pick<ArticleHtmlOptions, 'html'>): { outcome: Outcome; ours: string; theirs: string } {
  const ours = healthmdHtml(markdown, options);
  const theirs = markedHtml(markdown);
  if (ours === theirs) return { outcome: 'identical', ours, theirs };
  const a = normalise(ours);
  const b = normalise(theirs);
  return { outcome: a === b ? 'normalised-equal' : 'differing', ours: a, theirs: b };
}

describe(`CommonMark spec (${EXAMPLES.length} examples) through the article renderer`, () => {
  const listed = Object.values(DIFFERENCES).flat();
  const differs = new Set(listed);

  it('renders every example as marked does, apart from the differences listed with their reasons', () => {
    const counts: Record<Outcome, number> = { identical: 0, 'normalised-equal': 0, differing: 0 };
    const unexplained: string[] = [];
    const gone: number[] = [];
    for (const example of EXAMPLES) {
      const { outcome, ours, theirs } = compare(example.markdown, OPTIONS);
      counts[outcome]++;
      if (outcome === 'differing' && !differs.has(example.number)) {
        unexplained.push(`#${example.number} (${example.section}) ${JSON.stringify(example.markdown)}\n  healthmd: ${JSON.stringify(ours)}\n  marked:   ${JSON.stringify(theirs)}`);
      }
      if (outcome !== 'differing' && differs.has(example.number)) gone.push(example.number);
    }
    console.log(`CommonMark: ${JSON.stringify(counts)} of ${EXAMPLES.length}; every difference listed with its reason`);
    expect(unexplained, 'differences from marked with no reason listed in DIFFERENCES').toEqual([]);
    expect(gone, 'listed in DIFFERENCES but no longer different: take them out').toEqual([]);
  });

  it.each(['sanitize', 'text'] as const)('keeps every word and publishes nothing active under html: %s, in the listed examples and every one with raw HTML', (html) => {
    const problems: string[] = [];
    const nowKept: number[] = [];
    let checked = 0;
    for (const example of EXAMPLES) {
      const article = parseArticle({ path: '/project/articles/spec.md', relPath: 'spec.md', content: example.markdown });
      if (!differs.has(example.number) && article.html.length === 0) continue;
      checked++;
      const ours = healthmdHtml(example.markdown, { html });
      const missing = missingWords(readerText(markedHtml(example.markdown)), readerText(ours));
      if (example.number in TEXT_LOST) {
        if (missing.length === 0) nowKept.push(example.number);
      } else if (missing.length > 0) {
        problems.push(`#${example.number}: words lost: ${missing.join(' ')}`);
      }
      const active = activeContent(ours, { allowDataImages: true });
      if (active.length > 0) problems.push(`#${example.number}: active content: ${active.join(', ')}`);
    }
    expect(checked).toBeGreaterThan(90);
    expect(problems).toEqual([]);
    expect(nowKept, 'keep their text now: take them out of TEXT_LOST').toEqual([]);
  });

  it('lists only examples that exist, each once', () => {
    const numbers = new Set(EXAMPLES.map((e) => e.number));
    expect(listed.filter((n) => !numbers.has(n))).toEqual([]);
    expect(differs.size).toBe(listed.length);
    expect(Object.keys(TEXT_LOST).map(Number).filter((n) => !differs.has(n))).toEqual([]);
  });
});

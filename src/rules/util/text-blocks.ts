import type { Article } from '../../core/article.js';
import type { Place } from '../../core/diagnostic.js';
import { markdownText } from './markdown-text.js';
import { rawLocator } from './raw-locator.js';

/** A block of readable text from the body: a paragraph, a list item's text, a heading or a table. */
export interface TextBlock {
  kind: 'prose' | 'heading' | 'table';
  /** What a reader reads, with Markdown syntax stripped and code, comments and URLs masked. */
  text: string;
  /** The place in the file on disk of `text[index]`. */
  place(index: number): Place;
  /** The place just past `text[endIndex - 1]`: the end of a match that stops before `endIndex`. */
  endPlace(endIndex: number): Place;
}

const cache = new WeakMap<Article, TextBlock[]>();

/**
 * The article's readable text blocks, in body order, for rules that look for words and phrases.
 * Code blocks, HTML blocks and comments are not text; inline code, comments and URLs are masked.
 */
export function textBlocks(article: Article): TextBlock[] {
  let blocks = cache.get(article);
  if (blocks) return blocks;
  const found: Array<{ kind: TextBlock['kind']; raw: string; start: number }> = [];
  for (const block of article.prose) found.push({ kind: 'prose', raw: block.raw, start: block.start });
  for (const heading of article.headings) found.push({ kind: 'heading', raw: article.tokens[heading.index].raw, start: heading.start });
  for (const token of article.tokens) if (token.type === 'table') found.push({ kind: 'table', raw: token.raw, start: token.start });
  found.sort((a, b) => a.start - b.start);
  blocks = found.map(({ kind, raw, start }) => {
    const { text, sourceIndex } = markdownText(raw);
    // Most blocks never report: find them in the body only when asked.
    let locate: ((rawIndex: number) => number) | undefined;
    const at = (rawIndex: number) => (locate ??= rawLocator(article.body, raw, start))(rawIndex);
    return {
      kind,
      text,
      place: (index: number) => article.place(at(sourceIndex(index))),
      endPlace: (endIndex: number) => article.place(endIndex > 0 ? at(sourceIndex(Math.min(endIndex, text.length) - 1)) + 1 : at(0)),
    };
  });
  cache.set(article, blocks);
  return blocks;
}

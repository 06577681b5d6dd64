import type { Article } from '../../core/article.js';
import type { Heading } from '../../core/markdown.js';
import { markdownText, type MappedText } from './markdown-text.js';
import { rawLocator } from './raw-locator.js';

/** A block of readable text from the body: a paragraph, a list item's text, a heading or a table. */
export class TextBlock {
  /** What a reader reads, with Markdown syntax stripped and code, comments and URLs masked. */
  readonly text: string;
  private readonly mapped: MappedText;
  private locate?: (rawIndex: number) => number;

  constructor(
    private readonly article: Article,
    readonly kind: 'prose' | 'heading' | 'table',
    /** The block's Markdown source. */
    readonly raw: string,
    /** Body offset where the block starts; blocks sort by it. */
    readonly order: number,
  ) {
    this.mapped = markdownText(raw);
    this.text = this.mapped.text;
  }

  /** The body offsets of `text[start]` up to just past `text[end - 1]`: where a match in the readable text is. */
  span(start: number, end: number): { start: number; end: number } {
    const from = this.bodyOffset(this.mapped.sourceIndex(start));
    if (end <= 0) return { start: from, end: from };
    return { start: from, end: this.bodyOffset(this.mapped.sourceIndex(Math.min(end, this.text.length) - 1)) + 1 };
  }

  /** The body offset of `raw[rawIndex]` (for what the readable text leaves out, such as URLs). */
  bodyOffset(rawIndex: number): number {
    // Most blocks never report: they are found in the body only when asked.
    this.locate ??= rawLocator(this.article.body, this.raw, this.order);
    return this.locate(rawIndex);
  }
}

const cache = new WeakMap<Article, TextBlock[]>();

/** A heading's Markdown, its attribute list (`{#dose}`, markup for the page) blanked out in place. */
function headingWords(article: Article, heading: Heading): string {
  const raw = article.tokens[heading.index].raw;
  if (!heading.attributes) return raw;
  const from = heading.attributes.start - heading.start;
  const to = heading.attributes.end - heading.start;
  return raw.slice(0, from) + ' '.repeat(to - from) + raw.slice(to);
}

/**
 * The article's readable text blocks, in body order, for rules that look for words and phrases.
 * Code blocks, HTML blocks and comments are not text; inline code, comments and URLs are masked.
 * Built once per article and shared by the rules that ask.
 */
export function textBlocks(article: Article): TextBlock[] {
  let blocks = cache.get(article);
  if (blocks) return blocks;
  blocks = [];
  for (const block of article.prose) blocks.push(new TextBlock(article, 'prose', block.raw, block.start));
  for (const heading of article.headings) blocks.push(new TextBlock(article, 'heading', headingWords(article, heading), heading.start));
  for (const token of article.tokens) if (token.type === 'table') blocks.push(new TextBlock(article, 'table', token.raw, article.spanOf(token).start));
  blocks.sort((a, b) => a.order - b.order);
  cache.set(article, blocks);
  return blocks;
}

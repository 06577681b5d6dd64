import { Parser, Renderer, type MarkedOptions, type Token, type Tokens } from 'marked';
import type { Article } from '../core/article.js';
import type { DefinitionListToken } from '../core/definition-lists.js';
import type { HtmlMode } from '../core/config.js';
import { headingIds } from '../core/heading-ids.js';
import { rawHtmlIds } from '../core/html-tags.js';
import type { Heading } from '../core/markdown.js';
import { BUILT_IN_STRINGS } from '../core/strings.js';
import { escapeAttributeKeepingReferences, escapeHtml } from './escape-html.js';
import { Footnotes, type FootnoteStrings } from './footnotes-html.js';
import type { AlertType } from '../core/alerts.js';
import type { PageStrings } from '../core/strings.js';

/** The page strings an article's body uses. */
export type ArticleStrings = FootnoteStrings & Pick<PageStrings, `alert_${AlertType}`>;
import { nonTextElement, rawHtmlText, sanitizeRawHtml, type OpenLists, type UrlUse } from './sanitize-raw-html.js';
import { withRaisedFigures } from '../core/raised-figures.js';
import { sectionsApart } from './sections-apart.js';

export interface TocEntry {
  id: string;
  text: string;
  depth: number;
  /** The H3s under an H2. */
  children: TocEntry[];
}

/** A section the page shows apart from the body (sources, the disclaimer box). */
export interface SectionHtml {
  id: string;
  /** The heading as the author wrote it (plain text). */
  title: string;
  /** The section's content, without its heading. */
  html: string;
}

export interface ArticleHtml {
  /** The body without the sources and disclaimer sections. */
  body: string;
  sources?: SectionHtml;
  disclaimer?: SectionHtml;
  /** H2 headings in the order the page shows them, each with its H3s (an H3 before any H2 stands alone). */
  toc: TocEntry[];
}

export interface ArticleHtmlOptions {
  /** How raw HTML is published (the config's `html`): through GitHub's allowlist, or as its words alone. */
  html: HtmlMode;
  /** The href or src for a URL written in the article; undefined drops the link or image (unsafe, missing). */
  url(href: string, use: UrlUse): string | undefined;
  /** The page's words for footnotes and alerts, in the article's language (English by default). */
  strings?: ArticleStrings;
}

const TOC_DEPTH = 3;

/**
 * Renders an article's tokens (lexed once, when the article was read) into safe HTML: headings
 * get their stable ids and a link to themselves, links and images go through `options.url`, and
 * raw HTML is sanitized or reduced to its words, never dropped. Sources and the disclaimer come out apart
 * so the page can place them.
 */
export function renderArticleHtml(article: Article, options: ArticleHtmlOptions): ArticleHtml {
  const ids = headingIds(article);
  const idOf = new Map<Token, string>();
  article.headings.forEach((heading, i) => idOf.set(article.tokens[heading.index], ids[i]));

  // An H1 that stands in for a missing title is shown once, as the page's title, not in the body.
  const { titleHeading, sources, disclaimer } = sectionsApart(article);
  const apart = new Set<number>(titleHeading ? [titleHeading.index] : []);
  for (const heading of [sources, disclaimer]) {
    if (!heading) continue;
    for (let i = heading.index; i <= heading.index + heading.section.length; i++) apart.add(i);
  }

  const strings = options.strings ?? BUILT_IN_STRINGS.en;
  const footnotes = article.footnotes.length > 0 ? new Footnotes(article, new Set([...ids, ...rawHtmlIds(article)])) : undefined;
  const trusted = new Set<string>(footnotes?.hrefs());
  const url = (href: string, use: UrlUse) => {
    const resolved = options.url(href, use);
    if (resolved !== undefined) trusted.add(resolved);
    return resolved;
  };
  const renderer = new SafeRenderer(idOf, url, options.html, article.alerts, strings);
  const parser = new ArticleParser({ gfm: true, renderer, extensions: { renderers: { definitionList }, childTokens: {} } }, options.html === 'text', footnotes, strings);
  const sanitize = options.html === 'sanitize' && article.html.length > 0;
  const html = (tokens: Token[]) => {
    const out = parser.parse(tokens);
    return sanitize ? sanitizeRawHtml(out, { url, trusted, ids: new Set(ids) }) : out;
  };
  // The notes end the body, or the Sources section where their definitions stand there (a
  // References section written as footnotes), which would otherwise be an empty box.
  const notes = footnotes?.list(html, strings) ?? '';
  const notesInSources = sources !== undefined && article.footnotes.some((note) => note.start >= sources.start && note.start < sources.sectionEnd);
  const section = (heading: Heading | undefined): SectionHtml | undefined =>
    heading && { id: idOf.get(article.tokens[heading.index]) ?? '', title: heading.text, html: html(heading.section) + (heading === sources && notesInSources ? notes : '') };

  const pageOrder = [
    ...article.headings.filter((h) => !apart.has(h.index)),
    ...[sources, disclaimer].flatMap((top) => (top ? article.headings.filter((h) => h.index >= top.index && h.index <= top.index + top.section.length) : [])),
  ];
  const toc: TocEntry[] = [];
  for (const heading of pageOrder) {
    if (heading.depth < 2 || heading.depth > TOC_DEPTH || heading.text === '') continue;
    const entry: TocEntry = { id: idOf.get(article.tokens[heading.index]) ?? '', text: heading.text, depth: heading.depth, children: [] };
    const parent = toc.at(-1);
    if (heading.depth === 3 && parent?.depth === 2) parent.children.push(entry);
    else toc.push(entry);
  }

  return {
    body: html(article.tokens.filter((_, i) => !apart.has(i))) + (notesInSources ? '' : notes),
    sources: section(sources),
    disclaimer: section(disclaimer),
    toc,
  };
}

class SafeRenderer extends Renderer {
  constructor(
    private readonly ids: ReadonlyMap<Token, string>,
    private readonly url: (href: string, use: UrlUse) => string | undefined,
    private readonly mode: HtmlMode,
    private readonly alerts: ReadonlyMap<Token, AlertType>,
    private readonly strings: ArticleStrings,
  ) {
    super();
  }

  override blockquote(token: Tokens.Blockquote): string {
    const type = this.alerts.get(token as Token);
    if (!type) return super.blockquote(token);
    // GitHub's markup; the title says what kind of note it is, so the colour is never the only sign.
    const title = escapeHtml(this.strings[`alert_${type}`]);
    return `<div class="markdown-alert markdown-alert-${type}">\n<p class="markdown-alert-title">${title}</p>\n${this.parser.parse(token.tokens)}</div>\n`;
  }

  /** The raw lists open so far (`html: text`): their numbering goes on across HTML blocks. */
  private readonly lists: OpenLists = [];

  override heading(token: Tokens.Heading): string {
    const inner = this.parser.parseInline(token.tokens);
    const id = this.ids.get(token as Token);
    if (!id) return `<h${token.depth}>${inner}</h${token.depth}>\n`;
    // The heading links to itself (a shareable anchor) unless it holds a link, which cannot nest.
    const selfLink = !hasLink(token.tokens) ? `<a class="heading-anchor" href="#${escapeHtml(id)}">${inner}</a>` : inner;
    return `<h${token.depth} id="${escapeHtml(id)}">${selfLink}</h${token.depth}>\n`;
  }

  override link(token: Tokens.Link): string {
    const inner = this.parser.parseInline(token.tokens);
    const href = this.url(token.href, 'link');
    if (href === undefined) return inner;
    const title = token.title ? ` title="${escapeAttributeKeepingReferences(token.title)}"` : '';
    return `<a href="${escapeAttributeKeepingReferences(href)}"${title}>${inner}</a>`;
  }

  override image(token: Tokens.Image): string {
    const alt = token.tokens ? this.parser.parseInline(token.tokens, this.parser.textRenderer) : token.text;
    const src = this.url(token.href, 'image');
    if (src === undefined) return escapeHtml(alt);
    const title = token.title ? ` title="${escapeAttributeKeepingReferences(token.title)}"` : '';
    return `<img src="${escapeAttributeKeepingReferences(src)}" alt="${escapeHtml(alt)}"${title} loading="lazy">`;
  }

  override html(token: Tokens.HTML | Tokens.Tag): string {
    // marked gives an HTML block followed by a blank line without its line end, so two such blocks
    // touched: two images left out as their alt text read "early signlate sign".
    const text = token.block && !/\s$/.test(token.text) ? `${token.text}\n` : token.text;
    // Sanitizing happens on the whole output afterwards: an inline tag alone is half an element.
    if (this.mode === 'sanitize') return text;
    return rawHtmlText(text, !token.block, this.lists);
  }

  override table(token: Tokens.Table): string {
    // A wide table scrolls inside its own box on a phone; the box is focusable so keyboards can scroll it.
    return `<div class="table-scroll" tabindex="0" role="region" aria-label="Table">${super.table(token)}</div>\n`;
  }

  override tablecell(token: Tokens.TableCell): string {
    const tag = token.header ? 'th' : 'td';
    // A class, not the obsolete align attribute.
    const align = token.align ? ` class="align-${token.align}"` : '';
    return `<${tag}${align}>${this.parser.parseInline(token.tokens)}</${tag}>\n`;
  }

  override checkbox({ checked }: Tokens.Checkbox): string {
    // A disabled form control without a label is an accessibility error; a symbol says the same.
    return `<span class="task-state" role="img" aria-label="${checked ? 'done' : 'not done'}">${checked ? '☑' : '☐'}</span> `;
  }
}

type InlineRenderer = Parameters<Parser['parseInline']>[1];

/** A definition list (definition-lists.ts): each term a `<dt>`, each definition a `<dd>` of its blocks. */
function definitionList(this: { parser: Parser }, token: Tokens.Generic): string {
  let html = '<dl>\n';
  for (const part of (token as unknown as DefinitionListToken).tokens) {
    if (part.type === 'dt') html += `<dt>${this.parser.parseInline(part.tokens)}</dt>\n`;
    // A definition of one paragraph is its words, as kramdown writes a tight one; more blocks stay blocks.
    else if (part.tokens.length === 1 && part.tokens[0].type === 'paragraph') html += `<dd>${this.parser.parseInline((part.tokens[0] as Tokens.Paragraph).tokens)}</dd>\n`;
    else html += `<dd>${this.parser.parse(part.tokens).trim()}</dd>\n`;
  }
  return `${html}</dl>\n`;
}

/**
 * marked's Parser with healthmd's own tokens: a footnote's definition shows nothing where it is
 * written (its note is in the list at the end) and a reference shows its number, linked; in alt
 * text, which is plain, it shows nothing. For `html: text`, inline `<script>…</script>` in a
 * paragraph reaches the renderer as a tag, then Markdown text, then a tag; the text between is
 * code, not words, and is left out like the tags.
 */
class ArticleParser extends Parser {
  constructor(
    options: MarkedOptions,
    private readonly textMode: boolean,
    private readonly footnotes: Footnotes | undefined,
    private readonly strings: FootnoteStrings,
  ) {
    super(options);
  }

  override parse(tokens: Token[]): string {
    return super.parse(this.footnotes ? tokens.filter((token) => token.type !== 'footnote') : tokens);
  }

  override parseInline(tokens: Token[], renderer?: InlineRenderer): string {
    const shown = this.textMode ? withRaisedFigures(withoutNonText(tokens)) : tokens;
    if (!this.footnotes || !shown.some((token) => token.type === 'footnoteRef')) return super.parseInline(shown, renderer);
    let html = '';
    let from = 0;
    shown.forEach((token, i) => {
      if (token.type !== 'footnoteRef') return;
      html += super.parseInline(shown.slice(from, i), renderer);
      if (renderer === undefined || renderer === this.renderer) html += this.footnotes!.reference(token, this.strings);
      from = i + 1;
    });
    return html + super.parseInline(shown.slice(from), renderer);
  }
}

function withoutNonText(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.type === 'html' && nonTextElement(t.raw))) return tokens;
  const kept: Token[] = [];
  let inside: string | undefined;
  for (const token of tokens) {
    if (inside) {
      if (token.type === 'html' && token.raw.toLowerCase().startsWith(`</${inside}`)) inside = undefined;
      continue;
    }
    inside = token.type === 'html' ? nonTextElement(token.raw) : undefined;
    kept.push(token);
  }
  return kept;
}

function hasLink(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.type === 'link' || t.type === 'html' || t.type === 'footnoteRef' || ('tokens' in t && Array.isArray(t.tokens) && hasLink(t.tokens)));
}

import type { Token, Tokens } from 'marked';
import type { Article } from '../core/article.js';
import { footnoteKey, type FootnoteRefToken, type FootnoteToken } from '../core/footnotes.js';
import { fillString, type PageStrings } from '../core/strings.js';
import { escapeHtml } from './escape-html.js';

/** The page strings the notes use. */
export type FootnoteStrings = Pick<PageStrings, 'footnotes' | 'footnote_ref' | 'footnote_back'>;

/** One reference to a note: the number it shows and the ids it links by. */
interface Reference {
  number: number;
  /** Its own id, the target of the note's back-link. */
  id: string;
  /** The note's id. */
  note: string;
}

/** One note of the list at the end: its definition, number, id and the ids of the references to it. */
interface Note {
  token: FootnoteToken;
  number: number;
  id: string;
  references: string[];
}

/**
 * The article's footnotes as the page numbers them: by first reference, as GitHub does, the body
 * first (in the order written) and then the notes' own references, note by note; definitions
 * never referenced (and a label defined twice, the second time) follow in the order written, so
 * no note's words are left off. Ids are GitHub's (`fn-1`, `fnref-1`, `fnref-1-2`) unless the
 * article already uses one of them (a heading, raw HTML): then all of them take a prefix that it
 * does not use, so a link never lands on the wrong element.
 */
export class Footnotes {
  private readonly references = new Map<Token, Reference>();
  private readonly notes: Note[] = [];
  private readonly labelId: string;

  constructor(article: Article, taken: ReadonlySet<string>) {
    const first = new Map<string, FootnoteToken>();
    for (const { token } of article.footnotes) {
      const note = token as unknown as FootnoteToken;
      if (!first.has(footnoteKey(note.label))) first.set(footnoteKey(note.label), note);
    }
    const numbered = new Map<FootnoteToken, { number: number; refs: Token[] }>();
    const order: FootnoteToken[] = [];
    const number = (note: FootnoteToken) => {
      let entry = numbered.get(note);
      if (!entry) {
        numbered.set(note, (entry = { number: order.length + 1, refs: [] }));
        order.push(note);
      }
      return entry;
    };
    const visit = (ref: FootnoteRefToken) => {
      const note = first.get(footnoteKey(ref.label));
      if (note) number(note).refs.push(ref as unknown as Token);
    };
    walkReferences(article.tokens, visit);
    const definitions = article.footnotes.map(({ token }) => token as unknown as FootnoteToken);
    let unreferenced = 0;
    for (let i = 0; i < order.length || unreferenced < definitions.length; i++) {
      if (i === order.length) {
        while (numbered.has(definitions[unreferenced])) unreferenced++;
        if (unreferenced === definitions.length) break;
        number(definitions[unreferenced]);
      }
      walkReferences(order[i].tokens, visit);
    }
    const prefix = freePrefix(order.map((note) => numbered.get(note)!), taken);
    this.labelId = `${prefix}footnote-label`;
    for (const note of order) {
      const { number: n, refs } = numbered.get(note)!;
      const id = `${prefix}fn-${n}`;
      const references = refs.map((ref, k) => {
        const refId = referenceId(prefix, n, k);
        this.references.set(ref, { number: n, id: refId, note: id });
        return refId;
      });
      this.notes.push({ token: note, number: n, id, references });
    }
  }

  /** The hrefs the references link by: the renderer's own, which the sanitizer must not resolve again. */
  hrefs(): string[] {
    return this.notes.map((note) => `#${note.id}`);
  }

  /** The superscript link a reference shows. */
  reference(token: Token, strings: FootnoteStrings): string {
    const ref = this.references.get(token);
    if (!ref) return escapeHtml(token.raw);
    const label = escapeHtml(fillString(strings.footnote_ref, { number: ref.number }));
    return `<sup><a href="#${ref.note}" id="${ref.id}" class="footnote-ref" aria-label="${label}">${ref.number}</a></sup>`;
  }

  /**
   * The notes, numbered, each with a link back to each of its references; `render` gives a note's
   * blocks as HTML (sanitized as the rest of the article is). The back-links end the note's last
   * paragraph, as on GitHub, or stand in one of their own after a list or a table.
   */
  list(render: (tokens: Token[]) => string, strings: FootnoteStrings): string {
    if (this.notes.length === 0) return '';
    const items = this.notes.map((note) => {
      const back = note.references
        .map((id, k) => {
          const label = escapeHtml(fillString(strings.footnote_back, { reference: k === 0 ? `${note.number}` : `${note.number}-${k + 1}` }));
          return `<a href="#${id}" class="footnote-backref" aria-label="${label}">↩${k === 0 ? '' : `<sup>${k + 1}</sup>`}</a>`;
        })
        .join(' ');
      const html = render(note.token.tokens).trimEnd();
      let content: string;
      if (!back) content = html;
      else if (html.endsWith('</p>')) content = `${html.slice(0, -'</p>'.length)} ${back}</p>`;
      else content = `${html}${html ? '\n' : ''}<p>${back}</p>`;
      return `<li id="${note.id}">\n${content}\n</li>\n`;
    });
    return (
      `<section class="footnotes" aria-labelledby="${this.labelId}">\n` +
      `<h2 id="${this.labelId}" class="visually-hidden">${escapeHtml(strings.footnotes)}</h2>\n` +
      `<ol>\n${items.join('')}</ol>\n</section>\n`
    );
  }
}

const referenceId = (prefix: string, number: number, k: number) => (k === 0 ? `${prefix}fnref-${number}` : `${prefix}fnref-${number}-${k + 1}`);

/** The first of '', `footnotes-`, `footnotes-2-`… with which no id of the notes is one the article already has. */
function freePrefix(notes: readonly { number: number; refs: Token[] }[], taken: ReadonlySet<string>): string {
  if (taken.size === 0) return '';
  for (let attempt = 1; ; attempt++) {
    const prefix = attempt === 1 ? '' : attempt === 2 ? 'footnotes-' : `footnotes-${attempt - 1}-`;
    const clashes =
      taken.has(`${prefix}footnote-label`) ||
      notes.some(({ number, refs }) => taken.has(`${prefix}fn-${number}`) || refs.some((_, k) => taken.has(referenceId(prefix, number, k))));
    if (!clashes) return prefix;
  }
}

/** Calls `visit` for each footnote reference in `tokens`, in the order written, leaving out definitions (their notes are walked in turn). */
function walkReferences(tokens: readonly Token[], visit: (ref: FootnoteRefToken) => void): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'footnoteRef':
        visit(token as unknown as FootnoteRefToken);
        break;
      // A definition's references are walked with its note; an image's alt text is plain text, without links.
      case 'footnote':
      case 'image':
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) walkReferences(item.tokens, visit);
        break;
      case 'table': {
        const table = token as Tokens.Table;
        for (const cell of table.header) walkReferences(cell.tokens, visit);
        for (const row of table.rows) for (const cell of row) walkReferences(cell.tokens, visit);
        break;
      }
      default: {
        const children = (token as { tokens?: Token[] }).tokens;
        if (children) walkReferences(children, visit);
      }
    }
  }
}

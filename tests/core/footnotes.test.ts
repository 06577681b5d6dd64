import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/core/markdown.js';

const notes = (body: string) => parseMarkdown(body).footnotes.map((note) => [note.label, body.slice(note.start, note.end).trimEnd()]);
const prose = (body: string) => parseMarkdown(body).prose.map((block) => block.text);

describe('footnotes in the Markdown model', () => {
  it('takes a definition with its indented lines, blank lines between them, and a lazy line', () => {
    const body = 'Vitamin D helps.[^1]\n\n[^1]: Holick MF. Vitamin D deficiency.\nN Engl J Med. 2007.\n\n    A second paragraph of the note.\n\nBack in the article.\n';
    expect(notes(body)).toEqual([['1', '[^1]: Holick MF. Vitamin D deficiency.\nN Engl J Med. 2007.\n\n    A second paragraph of the note.']]);
    expect(prose(body)).toEqual(['Vitamin D helps.', 'Holick MF. Vitamin D deficiency.\nN Engl J Med. 2007.', 'A second paragraph of the note.', 'Back in the article.']);
  });

  it('keeps notes written one per line apart, and ends a paragraph above a definition', () => {
    const body = 'Text.[^a] More.[^b]\n[^a]: First source.\n[^b]: Second source.\n';
    expect(notes(body).map(([label]) => label)).toEqual(['a', 'b']);
    expect(prose(body)).toEqual(['Text. More.', 'First source.', 'Second source.']);
  });

  it('reads a reference as no words and finds a definition written after it, in any case', () => {
    const model = parseMarkdown('Rest helps.[^Rest] See [^rest].\n\n[^REST]: NICE NG59.\n');
    expect(model.prose[0].text).toBe('Rest helps. See .');
    expect(model.unresolvedFootnotes).toEqual([]);
  });

  it('leaves a reference without a definition as text, and says where it is', () => {
    const body = 'Ice helps.[^ice] And [^1].\n\n[^1]: A source.\n';
    const model = parseMarkdown(body);
    expect(model.prose[0].text).toBe('Ice helps.[^ice] And .');
    expect(model.unresolvedFootnotes.map((ref) => [ref.label, body.slice(ref.start, ref.end)])).toEqual([['ice', '[^ice]']]);
  });

  it('is not a footnote: a label with a blank, four spaces of indentation, an escaped bracket, code', () => {
    for (const body of ['[^a b]: text\n', '    [^1]: code\n', '\\[^1]: text\n', '`[^1]: code`\n']) expect(notes(body)).toEqual([]);
  });

  it('finds definitions inside quotes and list items, and lexes the blocks of a note', () => {
    const body = '- Item.[^x]\n\n  [^x]: In a list.\n\n> Quoted.[^y]\n>\n> [^y]: In a quote.\n';
    expect(notes(body).map(([label]) => label)).toEqual(['x', 'y']);
    expect(parseMarkdown(body).unresolvedFootnotes).toEqual([]);
  });

  it('stays linear on a long paragraph of lines with no blank line between them', () => {
    const body = 'word and more words\n'.repeat(20000);
    const started = performance.now();
    parseMarkdown(body);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

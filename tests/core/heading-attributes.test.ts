import { describe, expect, it } from 'vitest';
import { blockAttributeLine, headingAttributes } from '../../src/core/heading-attributes.js';
import { parseMarkdown } from '../../src/core/markdown.js';

describe('headingAttributes', () => {
  it.each([
    ['Dosage {#dose}', 'Dosage', 'dose'],
    ['Dosage {#dose .wide}', 'Dosage', 'dose'],
    ['Dosage {.wide #dose data-x="a b"}', 'Dosage', 'dose'],
    ['Dosage {: #dose}', 'Dosage', 'dose'],
    ['Dosage {.wide}', 'Dosage', undefined],
    ['Dosis en niños {#dosis-niños}  ', 'Dosis en niños', 'dosis-niños'],
    ['Step 2 {#step:2.a}', 'Step 2', 'step:2.a'],
  ])('takes the list off "%s"', (text, rest, id) => {
    const found = headingAttributes(text);
    expect([found?.text, found?.id]).toEqual([rest, id]);
  });

  it.each([
    'Vitamin{#b12}',
    'Dosage {#}',
    'Dosage {#two words}',
    'Dosage {#a"b}',
    'Dosage {#<b>}',
    'Dosage {see below}',
    '{#only}',
    'Dosage \\{#dose}',
    'Sets `{#x}`',
    'Dosage {}',
    'Dosage {#a{#b}}',
  ])('leaves "%s" as text', (text) => {
    expect(headingAttributes(text)).toBeUndefined();
  });

  it('reads kramdown block attribute lines, and nothing else, as markup', () => {
    expect(blockAttributeLine('{: .note}')).toEqual({});
    expect(blockAttributeLine('{:toc}')).toEqual({});
    expect(blockAttributeLine('{: #dose .wide}')).toEqual({ id: 'dose' });
    expect(blockAttributeLine('{: note to self: check this}')).toBeUndefined();
    expect(blockAttributeLine('{#dose}')).toBeUndefined();
    expect(blockAttributeLine('    {: .note}')).toBeUndefined();
  });
});

describe('parseMarkdown with attribute lists', () => {
  it('gives ATX and setext headings their id and text without the list', () => {
    const { headings } = parseMarkdown('## Heading with id {#custom-id} ##\n\nSetext {#set}\n------\n\n## Plain\n');
    expect(headings.map((h) => [h.text, h.id])).toEqual([
      ['Heading with id', 'custom-id'],
      ['Setext', 'set'],
      ['Plain', undefined],
    ]);
    expect(headings[0].attributes).toEqual({ start: 19, end: 31 });
  });

  it('takes a {: #id} line under a heading as its id, and drops block attribute lines from the text', () => {
    const model = parseMarkdown('## Sources\n{: #refs}\n\nSee your GP.\n{: .note}\n\n- TOC\n{:toc}\n\n{: .lead}\n\nKeep {: this} in a line.\n');
    expect(model.headings[0].id).toBe('refs');
    expect(model.prose.map((p) => p.text)).toEqual(['See your GP.', 'Keep {: this} in a line.']);
  });

  it('drops the list a {:toc} line ends, which kramdown replaces with the table of contents, and keeps any other list', () => {
    const model = parseMarkdown('1. Contents\n{: toc}\n\n* this list is replaced\n* by the contents\n{:toc}\n\n- A list item\n{: .note}\n\n+ Take {:toc} with water\n');
    expect(model.tokens.filter((t) => t.type === 'list')).toHaveLength(2);
    expect(model.prose.map((p) => p.text)).toEqual(['A list item', 'Take {:toc} with water']);
  });

  it('does not take a {: #id} line after a blank line as the heading\'s', () => {
    expect(parseMarkdown('## Sources\n\n{: #refs}\n').headings[0].id).toBeUndefined();
  });
});

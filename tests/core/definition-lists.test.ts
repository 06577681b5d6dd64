import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/core/markdown.js';

const model = (body: string) => parseMarkdown(body);
/** Each block's words, and the line of the body where it starts. */
const prose = (body: string) => model(body).prose.map((block) => [block.text, body.slice(block.start).split('\n')[0]]);
const types = (body: string) => model(body).tokens.filter((t) => t.type !== 'space').map((t) => t.type);

describe('definition lists in the Markdown model', () => {
  it('reads terms and definitions as kramdown and goldmark write them, each at its place in the body', () => {
    const body = 'Haemoglobin\n: The protein that carries oxygen.\n: A second meaning.\n\nFerritin\nStored iron\n:   Kept in the liver,\n    and the spleen.\n';
    expect(types(body)).toEqual(['definitionList']);
    expect(prose(body)).toEqual([
      ['Haemoglobin', 'Haemoglobin'],
      ['The protein that carries oxygen.', 'The protein that carries oxygen.'],
      ['A second meaning.', 'A second meaning.'],
      ['Ferritin', 'Ferritin'],
      ['Stored iron', 'Stored iron'],
      ['Kept in the liver,\nand the spleen.', 'Kept in the liver,'],
    ]);
  });

  it('takes a definition after a blank line, and blocks indented under it', () => {
    const body = 'Platelets\n\n: Small cells that help the blood to clot.\n\n    - a list in the definition\n\nAfter.\n';
    expect(types(body)).toEqual(['definitionList', 'paragraph']);
    expect(prose(body).map(([text]) => text)).toEqual(['Platelets', 'Small cells that help the blood to clot.', 'a list in the definition', 'After.']);
  });

  it('leaves alone a colon line with no term above, a heading, a list, code, a long paragraph and a colon without a blank after it', () => {
    for (const body of [': no term\n', '## Dose\n: 5 mg\n', '- item\n: 5 mg\n', '    code\n: 5 mg\n', 'one\ntwo\nthree\nfour\nfive\n: 5 mg\n', 'Ratio\n:3 to 1\n']) {
      expect(types(body), body).not.toContain('definitionList');
    }
  });
});

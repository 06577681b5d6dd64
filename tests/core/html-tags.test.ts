import { describe, expect, it } from 'vitest';
import { attribute, scanTags } from '../../src/core/html-tags.js';

const brief = (html: string) => scanTags(html).map((t) => `${t.kind}:${t.name}@${t.start}`);

describe('scanTags', () => {
  it('finds start, end and declaration tags with their offsets, skipping comments', () => {
    expect(brief('<!DOCTYPE html><div class="a"><!-- <b>no</b> --><P>x</P></div><?php x ?>')).toEqual([
      'declaration:!doctype@0',
      'start:div@15',
      'start:p@48',
      'end:p@52',
      'end:div@56',
      'declaration:?php@62',
    ]);
  });

  it('reads attributes however they are quoted, as browsers do', () => {
    const [tag] = scanTags(`<IMG/SRC=x.png ALT = 'A knee' data-x="a>b" hidden title=t/>`);
    expect(tag.name).toBe('img');
    expect(tag.attributes.map((a) => [a.name, a.value])).toEqual([
      ['src', 'x.png'],
      ['alt', 'A knee'],
      ['data-x', 'a>b'],
      ['hidden', undefined],
      ['title', 't/'],
    ]);
    expect(attribute(tag, 'alt')?.start).toBe(15);
  });

  it('keeps the first of repeated attributes first, and reads unclosed tags to the end', () => {
    const [tag] = scanTags('<a href="https://example.org" href="javascript:x"');
    expect(attribute(tag, 'href')?.value).toBe('https://example.org');
    expect(tag.attributes).toHaveLength(2);
    expect(tag.end).toBe(49);
  });

  it('does not take text for tags', () => {
    expect(scanTags('3 < 4 and a <= b, <3, < p>, <-- x -->')).toEqual([]);
    expect(scanTags('<!-- unclosed comment <b>')).toEqual([]);
  });
});

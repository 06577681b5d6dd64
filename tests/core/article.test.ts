import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Tokens } from 'marked';
import { parseArticle, type Article } from '../../src/core/article.js';

const article = (content: string | Uint8Array, relPath = 'back-pain.md'): Article =>
  parseArticle({ path: `/project/articles/${relPath}`, relPath, content });

/** 1-based place of the first occurrence of `needle` in `text` (lines split on LF, as on disk). */
function placeOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`${needle} not in text`);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}

const SAMPLE = [
  '---',
  'title: Back pain',
  'date: 2024-05-08',
  'treatments:',
  '  - surgery',
  '  - acupuncture',
  '---',
  'Back pain is common. See the [NHS page](https://www.nhs.uk/conditions/back-pain/).',
  '',
  '## Surgery',
  '',
  'An operation is **rarely** needed.',
  '',
  '- Item one with ![spine](spine.png)',
  '- Item two',
  '',
  '### Risks',
  '',
  'Infection and bleeding.',
  '',
].join('\n');

describe('parseArticle positions', () => {
  const variants = {
    LF: SAMPLE,
    CRLF: SAMPLE.replace(/\n/g, '\r\n'),
    'BOM + LF': `\ufeff${SAMPLE}`,
    'BOM + CRLF': `\ufeff${SAMPLE.replace(/\n/g, '\r\n')}`,
  };

  for (const [name, text] of Object.entries(variants)) {
    describe(name, () => {
      const a = article(text);

      it('parses without a problem and keeps front matter data', () => {
        expect(a.problem).toBeUndefined();
        expect(a.bom).toBe(text.startsWith('\ufeff'));
        expect(a.source.startsWith('\ufeff')).toBe(false);
        expect(a.data).toMatchObject({ title: 'Back pain', treatments: ['surgery', 'acupuncture'] });
        expect(a.bodyLine).toBe(8);
      });

      it('places headings at their line in the file, front matter included', () => {
        expect(a.headings.map((h) => [h.depth, h.text, a.place(h.start)])).toEqual([
          [2, 'Surgery', placeOf(SAMPLE, '## Surgery')],
          [3, 'Risks', placeOf(SAMPLE, '### Risks')],
        ]);
      });

      it('places links and images', () => {
        expect(a.links.map((l) => [l.kind, l.href, l.text, a.place(l.start)])).toEqual([
          ['link', 'https://www.nhs.uk/conditions/back-pain/', 'NHS page', placeOf(SAMPLE, '[NHS page]')],
          ['image', 'spine.png', 'spine', placeOf(SAMPLE, '![spine]')],
        ]);
      });

      it('places prose blocks and gives their plain text', () => {
        const paragraph = a.prose.find((p) => p.text.startsWith('An operation'));
        expect(paragraph?.text).toBe('An operation is rarely needed.');
        expect(a.place(paragraph!.start)).toEqual(placeOf(SAMPLE, 'An operation'));
        const item = a.prose.find((p) => p.text.startsWith('Item two'));
        expect(a.place(item!.start)).toEqual(placeOf(SAMPLE, 'Item two'));
      });

      it('maps places back to offsets in the file text (for fixes)', () => {
        for (const heading of a.headings) {
          const offset = a.offsetOf(a.place(heading.start));
          expect(a.source.slice(offset, offset + heading.text.length + 4)).toMatch(/^#{2,3} (Surgery|Risks)/);
        }
        const front = a.frontMatter!.places.treatments;
        expect(front.key).toEqual(placeOf(SAMPLE, 'treatments:'));
        expect(front.items).toEqual([placeOf(SAMPLE, 'surgery'), placeOf(SAMPLE, 'acupuncture')]);
      });

      it('knows which heading owns a body offset', () => {
        const infection = a.body.indexOf('Infection');
        expect(a.headingAt(infection)?.text).toBe('Risks');
        expect(a.headingAt(a.body.indexOf('Item two'))?.text).toBe('Surgery');
        expect(a.headingAt(0)).toBeUndefined();
      });
    });
  }

  it('places links inside blockquotes and list items where they stand in the file', () => {
    const text = '---\ntitle: x\n---\n\n> First line of a quote\n> ![Spine](spine.png) and [more](more.md)\n\n- item\n  continued [z](z.md)\n\n1. one\n   > nested ![Knee](knee.png)\n';
    const a = article(text);
    const at = (href: string) => a.place(a.links.find((l) => l.href === href)!.start);
    expect(at('spine.png')).toEqual(placeOf(text, '![Spine]'));
    expect(at('more.md')).toEqual(placeOf(text, '[more]'));
    expect(at('z.md')).toEqual(placeOf(text, '[z]'));
    expect(at('knee.png')).toEqual(placeOf(text, '![Knee]'));
  });

  it('places each table cell in its own row and column, also inside a quote', () => {
    const text = '---\ntitle: x\n---\n\n| Name | Link |\n| --- | --- |\n| a | [same](same.md) |\n| b \\| c | [same](same.md) |\n\n> | q | [quoted](q.md) |\n> | - | - |\n> | r | [same](same.md) |\n';
    const a = article(text);
    const lines = a.links.map((l) => a.place(l.start));
    expect(lines).toEqual([
      { line: 7, column: 7 },
      { line: 8, column: 12 },
      { line: 10, column: 9 },
      { line: 12, column: 9 },
    ]);
  });

  const cells = (cell: (index: number) => string): string => Array.from({ length: 100_000 }, (_, i) => cell(i)).join('');
  it.each([
    ['100,000 columns', `|${cells((i) => ` x${i} |`)}\n|${' - |'.repeat(100_000)}\n`],
    ['100,000 rows', `| a |\n| - |\n${cells((i) => `| x${i} |\n`)}`],
  ])('places a table of %s in linear time, each cell where it stands', (_label, body) => {
    const started = performance.now();
    const a = article(`---\ntitle: x\n---\n${body}`);
    expect(a.problem).toBeUndefined();
    const table = a.tokens.find((t) => t.type === 'table') as Tokens.Table;
    const last = table.rows.length ? table.rows.at(-1)![0] : table.header.at(-1)!;
    expect(a.spanOf(last.tokens[0]).start).toBe(a.body.lastIndexOf('x99999'));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('refuses a body over the token budget as a fatal front-matter-valid problem, naming what to do', () => {
    const started = performance.now();
    const a = article(`---\ntitle: x\n---\n${'- a list item\n'.repeat(290_000)}`);
    expect(a.problem).toMatchObject({ messageId: 'too-complex', place: { line: 4, column: 1 } });
    expect(a.problem!.message).toContain('split it into several articles');
    expect(a.tokens).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('parsed whole from a front-matter read of the same bytes, is the article a plain parse gives', () => {
    const input = { path: '/project/articles/a.md', relPath: 'a.md', content: Buffer.from('\ufeff---\ntitle: Ünïcode\ntags: [a, b]\n---\n# Heading\n\nText with [a link](b.md).\n') };
    const read = parseArticle({ ...input, markdown: false });
    const whole = parseArticle({ ...input, frontMatterRead: read });
    const plain = parseArticle(input);
    expect(whole.frontMatter).toBe(read.frontMatter);
    for (const key of ['data', 'frontMatter', 'body', 'bodyStart', 'bodyLine', 'source', 'bom', 'headings', 'links', 'tokens'] as const) expect(whole[key]).toEqual(plain[key]);
    expect(whole.place(whole.body.indexOf('Text'))).toEqual(plain.place(plain.body.indexOf('Text')));
  });

  it('parsed whole from a front-matter read, still finds what only the Markdown parse finds, and reads again what the read could not', () => {
    const input = { path: '/project/articles/long.md', relPath: 'long.md', content: Buffer.from(`---\ntitle: x\n---\n${'- a list item\n'.repeat(290_000)}`) };
    const read = parseArticle({ ...input, markdown: false });
    expect(read.problem).toBeUndefined();
    expect(parseArticle({ ...input, frontMatterRead: read }).problem?.messageId).toBe('too-complex');
    const broken = { ...input, content: Buffer.from('---\ntitle: [x\n---\nText.\n') };
    const unread = parseArticle({ ...broken, markdown: false });
    expect(unread.problem).toBeDefined();
    expect(parseArticle({ ...broken, frontMatterRead: unread }).problem).toEqual(parseArticle(broken).problem);
  });

  it('reads a file with no front matter as all body', () => {
    const a = article('# Title\n\nText.\n');
    expect(a.problem).toBeUndefined();
    expect(a.data).toEqual({});
    expect(a.bodyLine).toBe(1);
    expect(a.place(a.body.indexOf('Text'))).toEqual({ line: 3, column: 1 });
  });

  it('counts a lone CR as a line break, as marked does, so places and fixes agree', () => {
    const a = article('one\rtwo\n\n## Head\n');
    const heading = a.headings[0];
    const place = a.place(heading.start);
    expect(a.source.slice(a.offsetOf(place))).toBe('## Head\n');
    expect(a.lines.lineText(place.line)).toBe('## Head');
  });

  it('reads every HTML character reference in heading text, as a browser shows it', () => {
    const a = article('## Diagn&oacute;stico y tratamiento&nbsp;&mdash; ni&ntilde;os &amp; &#x1F9E0; &copy\n');
    expect(a.headings[0].text).toBe('Diagnóstico y tratamiento\u00a0— niños & \u{1F9E0} &copy');
  });

  it('keeps the line of a body that follows an empty front matter', () => {
    const a = article('---\n---\nHello\n');
    expect(a.problem).toBeUndefined();
    expect(a.data).toEqual({});
    expect(a.place(a.body.indexOf('Hello'))).toEqual({ line: 3, column: 1 });
  });
});

// Markdown-ish text: a line generator that produces headings, lists, links and plain words.
const line = fc.oneof(
  fc.constantFrom('', '# Heading', '## Sub heading', '- item', '1. first', '> quote', '```', '[link](x.md)', '![alt](i.png)', '<!-- c -->', '| a | b |', '---'),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 10, unit: fc.constantFrom('a', ' ', '\r', '\t', '#', '*', '\u00e9', '\u{1F600}') }),
);
const markdownText = fc.tuple(fc.array(line, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean()).map(
  ([lines, eol, withFrontMatter, bom]) => {
    const body = lines.join(eol);
    const text = withFrontMatter ? ['---', 'title: T', 'date: 2024-05-08', '---', body].join(eol) : body;
    return bom ? `\ufeff${text}` : text;
  },
);

describe('parseArticle properties', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), markdownText), (text) => {
        const a = article(text);
        expect(typeof a.body).toBe('string');
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const a = article(bytes);
        if (a.problem) {
          expect(a.problem.place.line).toBeGreaterThanOrEqual(1);
          expect(a.problem.place.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on a front-matter fence followed by arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom('---\n', '---\r\n', '---yaml\n', '---\n---\n'), (text, prefix) => {
        article(prefix + text);
      }),
      { numRuns: 300 },
    );
  });

  it('places every heading, link and prose block on a line of the file', () => {
    fc.assert(
      fc.property(markdownText, (text) => {
        const a = article(text);
        const lineCount = a.lines.lineCount;
        for (const start of [...a.headings, ...a.links, ...a.prose, ...a.html].map((x) => x.start)) {
          const place = a.place(start);
          expect(place.line).toBeGreaterThanOrEqual(a.bodyLine);
          expect(place.line).toBeLessThanOrEqual(lineCount);
          expect(place.column).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('maps every body offset to the same character in the file', () => {
    fc.assert(
      fc.property(markdownText, (text) => {
        const a = article(text);
        if (a.problem) return;
        for (let offset = 0; offset < a.body.length; offset++) {
          const fileChar = a.source[a.offsetOf(a.place(offset))];
          const bodyChar = a.body[offset];
          // The body has LF where the file may have CRLF (or a lone CR).
          if (bodyChar === '\n') expect(['\n', '\r']).toContain(fileChar);
          else expect(fileChar).toBe(bodyChar);
        }
      }),
      { numRuns: 200 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle, type Article } from '../../src/core/article.js';

// markdown: false decodes only the file's start (the rest is checked, not decoded); what it says about
// the front matter must be what the full parse of the same bytes says.
const path = '/project/articles/guide.md';
const read = (content: Uint8Array, markdown?: boolean): Article => parseArticle({ path, relPath: 'guide.md', content, markdown });
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function frontMatterView(article: Article) {
  return {
    data: article.data,
    frontMatter: article.frontMatter,
    problem: article.problem,
    bom: article.bom,
    bodyStart: article.bodyStart,
    bodyLine: article.bodyLine,
    place: article.place(0),
  };
}

function expectSameFrontMatter(content: Uint8Array): Article {
  const only = read(content, false);
  expect(frontMatterView(only)).toEqual(frontMatterView(read(content)));
  expect(only.body).toBe('');
  expect(only.tokens).toEqual([]);
  return only;
}

const LONG_BODY = `${'Plain words about back pain and how it is treated. '.repeat(200)}\n`;
const FRONT = '---\ntitle: Back pain\ndate: 2024-05-08\ntags:\n  - spine\n---\n';

describe('parseArticle with markdown: false', () => {
  it('decodes the front matter of a long file, not its body', () => {
    const only = expectSameFrontMatter(bytes(FRONT + LONG_BODY));
    expect(only.source).toBe(FRONT);
    expect(only.data).toEqual({ title: 'Back pain', date: '2024-05-08', tags: ['spine'] });
  });

  it('finds a closing fence beyond the first kilobyte, with CRLF line ends and a BOM', () => {
    const keys = Array.from({ length: 80 }, (_, i) => `key${i}: value number ${i}`).join('\r\n');
    expectSameFrontMatter(bytes(`\ufeff---\r\ntitle: Long\r\n${keys}\r\n---\r\n${LONG_BODY}`));
  });

  it('reports the problem the full parse reports when the body is not UTF-8 text or holds NUL', () => {
    const head = bytes(FRONT + LONG_BODY);
    const nul = new Uint8Array([...head, 0, 0x41]);
    expect(expectSameFrontMatter(nul).problem?.messageId).toBe('binary');
    const invalid = new Uint8Array([...head, 0xc3, 0x28]);
    expect(expectSameFrontMatter(invalid).problem?.messageId).toBe('encoding');
  });

  it('reports an unclosed fence, another engine, YAML errors and no front matter as the full parse does', () => {
    expect(expectSameFrontMatter(bytes(`---\ntitle: Open\n${LONG_BODY}`)).problem?.messageId).toBe('unclosed');
    expect(expectSameFrontMatter(bytes(`---js\n{ title: 'x' }\n---\n${LONG_BODY}`)).problem?.messageId).toBe('engine');
    expect(expectSameFrontMatter(bytes(`---\ntitle: [unclosed\n---\n${LONG_BODY}`)).problem?.messageId).toBe('yaml');
    expect(expectSameFrontMatter(bytes(`# No front matter\n\n${LONG_BODY}`)).frontMatter).toBeUndefined();
  });

  it('agrees with the full parse wherever the fence and a cut fall', () => {
    const line = fc.stringMatching(/^[a-z]{1,8}: [A-Za-z .é—]{0,60}$/);
    const newline = fc.constantFrom('\n', '\r\n');
    const close = fc.constantFrom('---', '...', '--- ', '----', '');
    fc.assert(
      fc.property(fc.uniqueArray(line, { selector: (l) => l.split(':')[0], maxLength: 60 }), newline, close, fc.nat(3000), fc.boolean(), (lines, nl, fence, bodyLength, bom) => {
        const text = `${bom ? '\ufeff' : ''}---${nl}${lines.join(nl)}${nl}${fence}${nl}${'é body text '.repeat(bodyLength / 12)}`;
        expectSameFrontMatter(bytes(text));
      }),
      { numRuns: 200 },
    );
  });
});

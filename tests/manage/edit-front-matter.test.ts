import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { editFrontMatter, type FrontMatterUpdate } from '../../src/manage/edit-front-matter.js';

const REVIEW = (by: string, date = '2025-06-15'): FrontMatterUpdate[] => [
  { key: 'reviewedBy', value: by },
  { key: 'lastReviewed', value: date, after: 'reviewedBy' },
];

function edit(text: string, updates: FrontMatterUpdate[] = REVIEW('Dr New, MD')): string {
  const article = parseArticle({ path: '/p/a.md', relPath: 'a.md', content: text });
  expect(article.problem).toBeUndefined();
  return editFrontMatter(article.source, article.frontMatter!, updates);
}

function data(text: string): Record<string, unknown> {
  const article = parseArticle({ path: '/p/a.md', relPath: 'a.md', content: text });
  expect(article.problem).toBeUndefined();
  return article.data;
}

describe('editFrontMatter: only the two values change', () => {
  it('replaces plain values and keeps comments on every line, key order and the body', () => {
    const before = [
      '---',
      '# Reviewed yearly',
      'title: Back pain   # the H1',
      'reviewedBy: Dr Old Name  # who',
      '',
      '# when',
      'lastReviewed: 2024-01-01 # date',
      'tags: [back, pain]   # flow list',
      '---',
      'Body with reviewedBy: Dr Old Name in it.',
      '',
    ].join('\n');
    const after = before
      .replace('reviewedBy: Dr Old Name  # who', 'reviewedBy: Dr New, MD  # who')
      .replace('lastReviewed: 2024-01-01 # date', 'lastReviewed: 2025-06-15 # date');
    expect(edit(before)).toBe(after);
  });

  it('keeps the quote style of quoted values', () => {
    const before = "---\ntitle: \"A\"\nreviewedBy: 'Dr O''Brien'\nlastReviewed: \"2024-01-01\"\n---\nx\n";
    expect(edit(before, REVIEW("Dr Ní Bhriain, MD: GP"))).toBe(
      "---\ntitle: \"A\"\nreviewedBy: 'Dr Ní Bhriain, MD: GP'\nlastReviewed: \"2025-06-15\"\n---\nx\n",
    );
  });

  it('quotes a new plain value only when YAML needs it, with the quotes the file already uses', () => {
    const plain = edit('---\ntitle: A\nreviewedBy: Dr X\nlastReviewed: 2024-01-01\n---\n', REVIEW('Dr Y: GP #1'));
    expect(plain).toBe('---\ntitle: A\nreviewedBy: "Dr Y: GP #1"\nlastReviewed: 2025-06-15\n---\n');
    const singles = edit("---\ntitle: 'A'\nreviewedBy: Dr X\n---\n", REVIEW('true'));
    expect(singles).toBe("---\ntitle: 'A'\nreviewedBy: 'true'\nlastReviewed: 2025-06-15\n---\n");
    expect(edit('---\ntitle: A\nreviewedBy: Dr X\n---\n', REVIEW("Dr O'Brien, MD"))).toContain("reviewedBy: Dr O'Brien, MD\n");
  });

  it('adds both keys after the last key, indented like their siblings, before trailing comments', () => {
    const before = '---\n  title: A\n  tags:\n    - one\n    - two\n  # end of keys\n---\n\nBody\n';
    expect(edit(before)).toBe('---\n  title: A\n  tags:\n    - one\n    - two\n  reviewedBy: Dr New, MD\n  lastReviewed: 2025-06-15\n  # end of keys\n---\n\nBody\n');
  });

  it('adds lastReviewed right after an existing reviewedBy', () => {
    const before = '---\ntitle: A\nreviewedBy: Dr X # who\ndate: 2024-05-08\n---\n';
    expect(edit(before)).toBe('---\ntitle: A\nreviewedBy: Dr New, MD # who\nlastReviewed: 2025-06-15\ndate: 2024-05-08\n---\n');
  });

  it('adds reviewedBy after the last key when only lastReviewed exists', () => {
    const before = '---\nlastReviewed: 2024-01-01\ntitle: A\n---\n';
    expect(edit(before)).toBe('---\nlastReviewed: 2025-06-15\ntitle: A\nreviewedBy: Dr New, MD\n---\n');
  });

  it('keeps CRLF line endings, including on added lines', () => {
    const before = '---\r\ntitle: A\r\nauthor:\r\n  - B\r\n---\r\nBody\r\n';
    expect(edit(before)).toBe('---\r\ntitle: A\r\nauthor:\r\n  - B\r\nreviewedBy: Dr New, MD\r\nlastReviewed: 2025-06-15\r\n---\r\nBody\r\n');
    const replaced = edit('---\r\nreviewedBy: Dr X\r\nlastReviewed: 2024-01-01\r\n---\r\n');
    expect(replaced).toBe('---\r\nreviewedBy: Dr New, MD\r\nlastReviewed: 2025-06-15\r\n---\r\n');
  });

  it('leaves a file without a final newline without one', () => {
    expect(edit('---\ntitle: A\n---\nLast line')).toBe('---\ntitle: A\nreviewedBy: Dr New, MD\nlastReviewed: 2025-06-15\n---\nLast line');
  });

  it('keeps a folded reviewedBy a folded block, with its header comment and the blank line after it', () => {
    const before = '---\ntitle: A\nreviewedBy: >- # long name\n  Dr Jane\n  Smith, MD\n\nlastReviewed: 2024-01-01\n---\n';
    const after = edit(before);
    expect(after).toBe('---\ntitle: A\nreviewedBy: >- # long name\n  Dr New, MD\n\nlastReviewed: 2025-06-15\n---\n');
    expect(data(after).reviewedBy).toBe('Dr New, MD');
  });

  it('reads a block indentation indicator from the indicators, not from a comment', () => {
    expect(edit('---\nreviewedBy: |2- # 3 reviewers\n    Dr X\nz: 1\n---\n')).toBe('---\nreviewedBy: |2- # 3 reviewers\n  Dr New, MD\nlastReviewed: 2025-06-15\nz: 1\n---\n');
    expect(edit('---\nreviewedBy: > # 3 reviewers\n    Dr X\n---\n')).toBe('---\nreviewedBy: > # 3 reviewers\n    Dr New, MD\nlastReviewed: 2025-06-15\n---\n');
  });

  it('replaces multi-line plain and quoted values', () => {
    expect(edit('---\nreviewedBy: Dr Jane\n  Smith\nlastReviewed: "2024-\n  01-01"\nz: 1\n---\n')).toBe(
      '---\nreviewedBy: Dr New, MD\nlastReviewed: "2025-06-15"\nz: 1\n---\n',
    );
  });

  it('fills empty and null values', () => {
    expect(edit('---\nreviewedBy:   # to do\nlastReviewed: ~\n---\n')).toBe('---\nreviewedBy: Dr New, MD   # to do\nlastReviewed: 2025-06-15\n---\n');
  });

  it('replaces a block list given as reviewedBy with the one string', () => {
    expect(edit('---\nreviewedBy:\n- Dr A\n- Dr B\ntitle: A\n---\n')).toBe('---\nreviewedBy: Dr New, MD\nlastReviewed: 2025-06-15\ntitle: A\n---\n');
  });

  it('edits a flow-mapping front matter in place, quoting what a flow context needs', () => {
    expect(edit('---\n{title: A, tags: [x, y]}\n---\n')).toBe('---\n{title: A, tags: [x, y], reviewedBy: "Dr New, MD", lastReviewed: 2025-06-15}\n---\n');
  });

  it('adds keys to empty front matter', () => {
    expect(edit('---\n---\nBody\n')).toBe('---\nreviewedBy: Dr New, MD\nlastReviewed: 2025-06-15\n---\nBody\n');
  });

  it('writes any one-line name so that it reads back exactly, and changes nothing before or after it', () => {
    const name = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
      .map((s) => s.replace(/[\p{Cc}\u2028\u2029\u0085\ufeff]/gu, '').trim())
      .filter((s) => s !== '');
    const layout = fc.constantFrom(
      '---\ntitle: A\nreviewedBy: Dr X # c\nlastReviewed: 2024-01-01\ntags: [a, b]\n---\nBody\n',
      "---\ntitle: A\nreviewedBy: 'Dr X'\n---\nBody\n",
      '---\r\ntitle: A\r\n---\r\nBody\r\n',
      '---\n{title: A, reviewedBy: "Dr X"}\n---\n',
      '---\ntitle: A\nreviewedBy: |\n  Dr X\nz: 1\n---\n',
    );
    fc.assert(
      fc.property(name, layout, (by, before) => {
        const after = edit(before, REVIEW(by));
        const read = data(after);
        expect(String(read.reviewedBy).trim()).toBe(by);
        expect(read.lastReviewed).toBe('2025-06-15');
        const { reviewedBy: _a, lastReviewed: _b, ...others } = read;
        const { reviewedBy: _c, lastReviewed: _d, ...othersBefore } = data(before);
        expect(others).toEqual(othersBefore);
        expect(after.slice(after.lastIndexOf('---'))).toBe(before.slice(before.lastIndexOf('---')));
      }),
      { numRuns: 300 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { planReview, type ReviewRequest } from '../../src/manage/plan-review.js';

const REQUEST: ReviewRequest = { by: 'Dr Jane Smith, MD', date: '2025-06-15', today: '2025-06-15' };

function plan(text: string | Uint8Array, request: Partial<ReviewRequest> = {}, relPath = 'a.md') {
  return planReview(parseArticle({ path: `/p/articles/${relPath}`, relPath, content: text }), { ...REQUEST, ...request });
}

describe('planReview', () => {
  it('returns the whole new file text with a BOM kept', () => {
    const result = plan('\ufeff---\ntitle: A\ndate: 2025-01-01\n---\nBody\n');
    expect(result).toEqual({ kind: 'write', text: '\ufeff---\ntitle: A\ndate: 2025-01-01\nreviewedBy: Dr Jane Smith, MD\nlastReviewed: 2025-06-15\n---\nBody\n' });
  });

  it('keeps CRLF line endings with a BOM', () => {
    const result = plan('\ufeff---\r\ntitle: A\r\n---\r\n');
    expect(result).toEqual({ kind: 'write', text: '\ufeff---\r\ntitle: A\r\nreviewedBy: Dr Jane Smith, MD\r\nlastReviewed: 2025-06-15\r\n---\r\n' });
  });

  it('refuses a review date in the future, pointing at the date key', () => {
    const result = plan('---\ntitle: A\ndate: 2025-01-01\n---\n', { date: '2025-06-16' });
    expect(result).toMatchObject({ kind: 'refused', messageId: 'future-date', place: { line: 3, column: 1 } });
  });

  it("refuses a review before the article's own date, at the line of its date key", () => {
    const result = plan('---\n# comment\ntitle: A\n\n  # another\ndate: 2025-03-02\n---\n', { date: '2025-03-01' });
    expect(result).toMatchObject({ kind: 'refused', messageId: 'before-published', place: { line: 6 } });
  });

  it('accepts a review on the publication day itself and on today', () => {
    expect(plan('---\ndate: 2025-06-15\n---\n').kind).toBe('write');
    expect(plan('---\ndate: 2025-03-01\n---\n', { date: '2025-03-01' }).kind).toBe('write');
  });

  it("uses a Jekyll file-name date when there is no date key", () => {
    const result = plan('---\ntitle: A\n---\n', { date: '2024-01-01' }, '2024-05-08-mammograms.md');
    expect(result).toMatchObject({ kind: 'refused', messageId: 'before-published' });
    if (result.kind === 'refused') expect(result.place).toBeUndefined();
  });

  it('refuses an unparseable article at the place of its problem', () => {
    expect(plan('---\ntitle: A\ndate: [2024\n---\n')).toMatchObject({ kind: 'refused', messageId: 'unparseable', place: { line: 4 } });
    // A duplicate key is read (the last value wins), but a review is not written into such a file.
    expect(plan('---\ntitle: A\ntitle: B\n---\n')).toMatchObject({ kind: 'refused' });
    expect(plan('---\ntitle: A\n')).toMatchObject({ kind: 'refused', messageId: 'unparseable', place: { line: 1 } });
  });

  it('refuses a file without front matter instead of inventing one', () => {
    expect(plan('# Just Markdown\n')).toMatchObject({ kind: 'refused', messageId: 'no-front-matter' });
  });

  it('reports nothing to do when the same review is already recorded', () => {
    expect(plan('---\nreviewedBy: Dr Jane Smith, MD\nlastReviewed: 2025-06-15\n---\n')).toEqual({ kind: 'unchanged' });
    expect(plan('---\nreviewedBy: >\n  Dr Jane Smith, MD\nlastReviewed: 2025-06-15\n---\n')).toEqual({ kind: 'unchanged' });
  });
});

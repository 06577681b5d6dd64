import { describe, expect, it } from 'vitest';
import { printable, textWidth, truncate } from '../../src/manage/text-width.js';

describe('text width', () => {
  it('counts wide characters as two cells and combining marks as none', () => {
    expect(textWidth('Back pain')).toBe(9);
    expect(textWidth('腰痛')).toBe(4);
    expect(textWidth('e\u0301')).toBe(1);
    expect(textWidth('🩺 Care')).toBe(7);
  });

  it('truncates to the width with an ellipsis at the end, or at the start for paths', () => {
    expect(truncate('Living Well with Back Pain', 10)).toBe('Living We…');
    expect(truncate('Living Well with Back Pain', 12)).toBe('Living Well…');
    expect(truncate('conditions/knee.md', 10, 'start')).toBe('…s/knee.md');
    expect(truncate('short', 10)).toBe('short');
    expect(textWidth(truncate('腰痛的治疗方法和预防措施', 9))).toBeLessThanOrEqual(9);
  });

  it('turns control characters into spaces', () => {
    expect(printable('a\nb\u001b[31mc\td')).toBe('a b [31mc d');
  });
});

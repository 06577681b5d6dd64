import { describe, expect, it } from 'vitest';
import type { ListedArticle } from '../../src/manage/article-rows.js';
import { dueText, formatListTable } from '../../src/manage/format-list-table.js';
import { textWidth } from '../../src/manage/text-width.js';

function row(overrides: Partial<ListedArticle>): ListedArticle {
  return {
    path: 'back-pain.md',
    title: 'Living Well with Back Pain',
    type: 'article',
    date: '2025-01-10',
    author: 'Jordan Ellis',
    reviewedBy: 'Dr Jane Smith, MD',
    lastReviewed: '2025-03-01',
    reviewDue: '2026-03-01',
    dueInDays: 259,
    draft: false,
    published: true,
    errors: 0,
    warnings: 0,
    medical: true,
    unparseable: false,
    ...overrides,
  };
}

const ROWS: ListedArticle[] = [
  row({}),
  row({ path: 'conditions/knee-osteoarthritis-in-older-adults.md', title: 'Knee Osteoarthritis', dueInDays: 10, reviewDue: '2025-06-25', errors: 2, warnings: 1 }),
  row({ path: 'migraine.md', title: 'Migraine: Triggers, Warning Signs and the Treatments That Help Most People', dueInDays: -102 }),
  row({ path: 'sleep-apnoea.md', title: 'Sleep Apnoea', reviewedBy: null, lastReviewed: null, reviewDue: null, dueInDays: null }),
  row({ path: 'news/clinic.md', title: 'New Clinic', type: 'news', medical: false, reviewedBy: null, lastReviewed: null, reviewDue: null, dueInDays: null }),
  row({ path: 'drafts/flu.md', title: 'The Flu Vaccine', draft: true }),
  row({ path: 'broken.md', title: null, date: null, unparseable: true, errors: 1, dueInDays: null, reviewDue: null, lastReviewed: null, reviewedBy: null }),
];

const ESC = String.fromCharCode(27);
const plainLines = (text: string) => text.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), '').split('\n');
const header = (text: string) => text.split('\n')[0].split(/\s{2,}/);

describe('dueText', () => {
  it('says when the review is due in words', () => {
    expect(dueText(ROWS[1])).toBe('in 10 days');
    expect(dueText(row({ dueInDays: 1 }))).toBe('in 1 day');
    expect(dueText(row({ dueInDays: 0 }))).toBe('due today');
    expect(dueText(ROWS[2])).toBe('overdue by 102 days');
    expect(dueText(ROWS[3])).toBe('never reviewed');
    expect(dueText(ROWS[4])).toBe('—');
  });
});

describe('formatListTable', () => {
  it('fits every line in the width, from narrow to wide terminals', () => {
    for (const width of [40, 60, 72, 80, 100, 132, 200]) {
      const table = formatListTable(ROWS, { width, color: false, soonDays: 30 });
      for (const line of table.split('\n')) expect(textWidth(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
    }
  });

  it('shows the essential columns at 80 and more of them on wider terminals', () => {
    const narrow = header(formatListTable(ROWS, { width: 80, color: false, soonDays: 30 }));
    expect(narrow).toEqual(expect.arrayContaining(['PATH', 'TITLE', 'REVIEW DUE', 'ERR', 'WARN']));
    const wide = header(formatListTable(ROWS, { width: 240, color: false, soonDays: 30 }));
    expect(wide).toEqual(['PATH', 'TITLE', 'TYPE', 'DATE', 'REVIEWER', 'REVIEWED', 'REVIEW DUE', 'ERR', 'WARN']);
  });

  it('shortens long titles with an ellipsis and keeps the end of long paths', () => {
    const table = formatListTable(ROWS, { width: 80, color: false, soonDays: 30 });
    expect(table).toMatch(/Migraine: [^\n]*…/);
    expect(table).not.toContain('That Help Most People');
    expect(table).toMatch(/…[^\s]*-adults\.md/);
    const wide = formatListTable(ROWS, { width: 240, color: false, soonDays: 30 });
    expect(wide).toContain('Migraine: Triggers, Warning Signs and the Treatments That Help Most People');
    expect(wide).toContain('conditions/knee-osteoarthritis-in-older-adults.md');
  });

  it('words each review state, marks drafts and unparseable files, and sums up', () => {
    const lines = plainLines(formatListTable(ROWS, { width: 240, color: false, soonDays: 30 }));
    const lineOf = (path: string) => lines.find((line) => line.startsWith(path)) ?? '';
    expect(lineOf('migraine.md')).toContain('overdue by 102 days');
    expect(lineOf('sleep-apnoea.md')).toContain('never reviewed');
    expect(lineOf('news/clinic.md')).toMatch(/news.*—/);
    expect(lineOf('drafts/flu.md')).toContain('[draft] The Flu Vaccine');
    expect(lineOf('broken.md')).toContain('(cannot be parsed)');
    expect(lineOf('conditions/knee-osteoarthritis-in-older-adults.md')).toMatch(/in 10 days\s+2\s+1$/);
    expect(lines.at(-2)).toBe('7 articles: 1 overdue, 1 never reviewed, 1 due within 30 days, 2 with errors');
  });

  it('colours overdue red and due soon yellow only when asked to', () => {
    const plain = formatListTable(ROWS, { width: 80, color: false, soonDays: 30 });
    expect(plain).not.toContain(ESC);
    const coloured = formatListTable(ROWS, { width: 80, color: true, soonDays: 30 });
    expect(coloured).toContain(`${ESC}[31moverdue by 102 days${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[31mnever reviewed${ESC}[39m`);
    expect(coloured).toContain(`${ESC}[33min 10 days${ESC}[39m`);
    expect(coloured).not.toContain(`${ESC}[33min 259 days`);
    for (const line of plainLines(coloured)) expect(textWidth(line)).toBeLessThanOrEqual(80);
  });

  it('keeps control characters and wide characters in titles from breaking the layout', () => {
    const rows = [row({ title: 'Evil\u001b[2J\ntitle' }), row({ path: 'zh.md', title: '腰痛的治疗方法和预防措施以及何时就医的详细指南' })];
    const table = formatListTable(rows, { width: 60, color: false, soonDays: 30 });
    expect(table).not.toContain(ESC);
    expect(table.split('\n')).toHaveLength(rows.length + 4);
    for (const line of table.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(60);
  });
});

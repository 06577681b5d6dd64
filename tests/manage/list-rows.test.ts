import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { discoverArticles } from '../../src/core/discover.js';
import { readArticles } from '../../src/core/read-articles.js';
import { lintArticles } from '../../src/lint/engine.js';
import { articleRows, toJsonRow, type ListedArticle } from '../../src/manage/article-rows.js';
import { selectRows } from '../../src/manage/select-rows.js';

const LIBRARY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/library');
const NOW = '2025-06-15';

function library() {
  const config = loadConfig(LIBRARY);
  const articles = readArticles(discoverArticles(config, LIBRARY).files, LIBRARY, config);
  const results = lintArticles(articles, { config, now: NOW });
  return { config, articles, results, rows: articleRows(articles, results, config, NOW, path.join(LIBRARY, 'articles')) };
}

const byPath = (rows: ListedArticle[]) => Object.fromEntries(rows.map((row) => [row.path, row]));

describe('articleRows', () => {
  const { rows, results, articles } = library();
  const rowOf = byPath(rows);

  it('computes the review due date and the days left from lastReviewed + review.maxAgeMonths', () => {
    expect(rowOf['back-pain.md']).toMatchObject({ lastReviewed: '2025-03-01', reviewDue: '2026-03-01', dueInDays: 259 });
    expect(rowOf['conditions/knee-osteoarthritis.md']).toMatchObject({ reviewDue: '2025-06-25', dueInDays: 10, type: 'condition' });
    expect(rowOf['migraine.md']).toMatchObject({ reviewDue: '2025-03-05', dueInDays: -102, author: 'Jordan Ellis, Sam Okafor' });
  });

  it('tells a medical article never reviewed from a non-medical one with nothing to review', () => {
    expect(rowOf['sleep-apnoea.md']).toMatchObject({ medical: true, reviewedBy: null, lastReviewed: null, reviewDue: null, dueInDays: null });
    expect(rowOf['news/2025-06-01-new-physiotherapy-clinic.md']).toMatchObject({ medical: false, type: 'news', date: '2025-06-01', dueInDays: null });
  });

  it('marks drafts and unparseable files', () => {
    expect(rowOf['drafts/flu-vaccine.md'].draft).toBe(true);
    expect(rowOf['back-pain.md'].draft).toBe(false);
    expect(rowOf['broken-front-matter.md']).toMatchObject({ unparseable: true, title: null, date: null });
    expect(rowOf['broken-front-matter.md'].errors).toBeGreaterThan(0);
  });

  it('carries the lint engine counts of each file', () => {
    for (const [index, article] of articles.entries()) {
      const row = rowOf[article.relPath];
      expect([row.errors, row.warnings]).toEqual([results[index].errorCount, results[index].warningCount]);
    }
    expect(rowOf['heel-pain.md'].errors).toBeGreaterThan(0);
  });

  it('prints only the documented keys in JSON, in a fixed order', () => {
    expect(Object.keys(toJsonRow(rowOf['migraine.md']))).toEqual([
      'path', 'title', 'type', 'date', 'author', 'reviewedBy', 'lastReviewed', 'reviewDue', 'dueInDays', 'draft', 'published', 'errors', 'warnings',
    ]);
  });
});

describe('selectRows', () => {
  const { rows } = library();
  const paths = (selected: ListedArticle[]) => selected.map((row) => row.path);

  it('sorts by date, newest first, undated last', () => {
    expect(paths(selectRows(rows, { sort: 'date' }))).toEqual([
      'news/2025-06-01-new-physiotherapy-clinic.md',
      'drafts/flu-vaccine.md',
      'sleep-apnoea.md',
      'heel-pain.md',
      'back-pain.md',
      'conditions/knee-osteoarthritis.md',
      'migraine.md',
      'broken-front-matter.md',
    ]);
  });

  it('sorts by title, case-insensitively, untitled last', () => {
    const titles = selectRows(rows, { sort: 'title' }).map((row) => row.title);
    expect(titles).toEqual([
      'Heel Pain',
      'Knee Osteoarthritis',
      'Living Well with Back Pain',
      'Migraine: Triggers, Warning Signs and the Treatments That Help Most People',
      'Our New Physiotherapy Clinic Opens in June',
      'Sleep Apnoea',
      'The Flu Vaccine',
      null,
    ]);
  });

  it('sorts by review, most overdue first: never reviewed, overdue, due soonest, then nothing to review', () => {
    expect(paths(selectRows(rows, { sort: 'review' }))).toEqual([
      'sleep-apnoea.md',
      'migraine.md',
      'conditions/knee-osteoarthritis.md',
      'heel-pain.md',
      'back-pain.md',
      'drafts/flu-vaccine.md',
      'news/2025-06-01-new-physiotherapy-clinic.md',
      'broken-front-matter.md',
    ]);
  });

  it('keeps only articles overdue or due within the window', () => {
    expect(paths(selectRows(rows, { sort: 'review', dueWithin: 30 }))).toEqual(['sleep-apnoea.md', 'migraine.md', 'conditions/knee-osteoarthritis.md']);
    expect(paths(selectRows(rows, { sort: 'review', dueWithin: 9 }))).toEqual(['sleep-apnoea.md', 'migraine.md']);
    expect(paths(selectRows(rows, { sort: 'review', dueWithin: 10 }))).toContain('conditions/knee-osteoarthritis.md');
    expect(paths(selectRows(rows, { sort: 'review', dueWithin: 259 }))).toContain('back-pain.md');
  });
});

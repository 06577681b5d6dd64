import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig, resolveConfig, type Config } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { runRule } from './support/lint-with-rule.js';
import { lintArticles } from '../../src/lint/engine.js';
import { reviewCurrent } from '../../src/rules/review-current.js';
import type { ProjectView } from '../../src/rules/types.js';

const NOW = '2026-01-15';
const project = { articles: [], article: () => undefined, exists: () => false } satisfies ProjectView;

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/review-current/${name}`, import.meta.url), 'utf8');
}

function check(content: string, { now = NOW, options = {}, config = defaultConfig('/project') }: { now?: string; options?: Record<string, unknown>; config?: Config } = {}): Diagnostic[] {
  const article = parseArticle({ path: '/project/articles/anaemia.md', relPath: 'anaemia.md', content });
  // As a loaded config holds them: the review cycle is read from there (src/core/review-cycle.ts).
  config.rules['review-current'] = { options };
  return runRule(reviewCurrent, { article, config, options, now, project });
}

const ids = (reports: Diagnostic[]) => reports.map((r) => `${r.line}:${r.column} ${r.messageId}`);

function reviewed(lastReviewed: string, date = '2024-11-18'): string {
  return `---\ntitle: Anaemia\ndate: ${date}\nreviewedBy: Dr Omar Haddad\nlastReviewed: ${lastReviewed}\n---\n\nText.\n`;
}

describe('review-current', () => {
  it('accepts a recent review', () => {
    expect(check(fixture('ok.md'))).toEqual([]);
  });

  it('reports a stale review at the date, with how long ago and when it was due', () => {
    const [report, ...rest] = check(fixture('not-ok.md'));
    expect(rest).toEqual([]);
    expect(ids([report])).toEqual(['7:15 stale']);
    expect(report.message).toContain('1 year and 10 months ago');
    expect(report.message).toContain('2025-03-10');
    expect(report.message).toContain('healthmd review articles/anaemia.md');
  });

  it('reports a missing review once, at the title', () => {
    const reports = check(fixture('not-ok-missing.md'));
    expect(ids(reports)).toEqual(['2:1 missing']);
    expect(reports[0].message).toContain('--by "Name, credentials"');
    expect(ids(check('Just text, no front matter.\n'))).toEqual(['1:1 missing']);
  });

  it('treats a blank reviewer or date as missing, and names the half that is missing', () => {
    expect(ids(check('---\ntitle: T\nreviewedBy: ""\nlastReviewed:\n---\n'))).toEqual(['2:1 missing']);
    expect(ids(check('---\ntitle: T\nlastReviewed: 2025-12-01\n---\n'))).toEqual(['3:1 missing-reviewer']);
    const [date] = check('---\ntitle: T\nreviewedBy: Dr Omar Haddad\n---\n');
    expect(ids([date])).toEqual(['3:1 missing-date']);
    expect(date.message).toContain('--by "Dr Omar Haddad"');
  });

  it('counts the cycle in calendar months: stale the day after it is due', () => {
    expect(check(reviewed('2025-01-15'))).toEqual([]);
    expect(ids(check(reviewed('2025-01-14')))).toEqual(['5:15 stale']);
    expect(check(reviewed('2025-01-14'))[0].message).toContain('1 year ago');
  });

  it('takes the cycle from config, and the rule option over config', () => {
    const config = defaultConfig('/project');
    config.review.maxAgeMonths = 36;
    expect(check(reviewed('2023-02-01', '2023-01-01'), { config })).toEqual([]);
    expect(ids(check(reviewed('2023-02-01', '2023-01-01'), { config, options: { maxAgeMonths: 6 } }))).toEqual(['5:15 stale']);
    expect(check(reviewed('2025-10-01'), { options: { maxAgeMonths: 6 } })).toEqual([]);
  });

  it('refuses an invalid or misspelt maxAgeMonths option when the config loads, with the key path', () => {
    const load = (options: unknown) => () => resolveConfig({ rules: { 'review-current': { options } } }, '/project', undefined, 'healthmd.config.yaml');
    expect(load({ maxAgeMonths: 'six' })).toThrow('rules.review-current.options.maxAgeMonths: expected a number, got text "six"');
    expect(load({ maxAgeMonth: 6 })).toThrow('rules.review-current.options.maxAgeMonth: unknown option; did you mean maxAgeMonths?');
    expect(load({ maxAgeMonths: 0 })).toThrow('rules.review-current.options.maxAgeMonths: expected at least 1, got the number 0');
  });

  it('says what the stale finding is made of, as data', () => {
    const [stale] = check(reviewed('2024-05-10', '2024-01-01'), { options: { maxAgeMonths: 6 } });
    expect(stale.messageId).toBe('stale');
    expect(stale.data).toMatchObject({ reviewed: '2024-05-10', due: '2024-11-10', months: 6 });
  });

  it('reports a review in the future and one before publication', () => {
    expect(ids(check(reviewed('2026-01-16')))).toEqual(['5:15 future']);
    expect(ids(check(reviewed('2025-06-01', '2025-07-01')))).toEqual(['5:15 before-published']);
  });

  it('reports a stale review of an earlier text once at the date, not twice', () => {
    // Reviewed in 2020, published in 2024, stale since 2021: one finding says what to do.
    expect(ids(check(reviewed('2020-03-01', '2024-11-18')))).toEqual(['5:15 before-published']);
  });

  it('leaves an unreadable date to front-matter-schema', () => {
    expect(check(reviewed('2025-02-30'))).toEqual([]);
  });

  it('applies to medical types only', () => {
    const config = defaultConfig('/project');
    config.types.news = { requiredSections: [], medical: false };
    expect(check('---\ntitle: New clinic opens\ntype: news\n---\n\nText.\n', { config })).toEqual([]);
    expect(check('---\ntitle: New clinic opens\ntype: nonsense\n---\n\nText.\n', { config })).toEqual([]);
  });

  it('follows the now it is given, through the engine', () => {
    const article = parseArticle({ path: '/project/articles/anaemia.md', relPath: 'anaemia.md', content: fixture('ok.md') });
    const at = (now: string) =>
      lintArticles([article], { config: defaultConfig('/project'), now })[0].messages.filter((m) => m.ruleId === 'review-current').map((m) => m.messageId);
    expect(at('2026-09-01')).toEqual([]);
    expect(at('2026-09-02')).toEqual(['stale']);
  });
});

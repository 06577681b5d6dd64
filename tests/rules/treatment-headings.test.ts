import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { runRule } from './support/lint-with-rule.js';
import { lintArticles } from '../../src/lint/engine.js';
import { treatmentHeadings } from '../../src/rules/treatment-headings.js';
import type { ProjectView } from '../../src/rules/types.js';

const config = defaultConfig('/project');
const project = { articles: [], article: () => undefined, exists: () => false } satisfies ProjectView;

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/treatment-headings/${name}`, import.meta.url), 'utf8');
}

function check(content: string): Diagnostic[] {
  const article = parseArticle({ path: '/project/articles/article.md', relPath: 'article.md', content });
  return runRule(treatmentHeadings, { article, config, options: {}, now: '2026-01-15', project });
}

const ids = (reports: Diagnostic[]) => reports.map((r) => `${r.line}:${r.column} ${r.messageId}`);

function article(treatments: string[], body: string): string {
  return `---\ntitle: T\ntreatments: [${treatments.join(', ')}]\n---\n\n${body}`;
}

describe('treatment-headings', () => {
  it('accepts headings that name each treatment in other words', () => {
    expect(check(fixture('ok.md'))).toEqual([]);
  });

  it('reports a treatment discussed elsewhere, an empty heading and an absent treatment at their list entries', () => {
    const reports = check(fixture('not-ok.md'));
    expect(ids(reports)).toEqual(['9:5 no-heading-mentioned', '10:5 empty', '11:5 no-heading']);
    expect(reports[0].message).toContain('line 20');
    expect(reports[0].message).toContain("'Emollients'");
    expect(reports[1].message).toContain('line 23');
  });

  // The page healthmd grew from: surgery and acupuncture are discussed, but under other treatments' headings.
  it('flags Surgery and Acupuncture in the seed article, naming where each is discussed', () => {
    const reports = check(fixture('not-ok-seed.md'));
    expect(ids(reports)).toEqual(['7:45 no-heading-mentioned', '7:73 no-heading-mentioned']);
    const [surgery, acupuncture] = reports;
    expect(surgery.message).toMatch(/^Surgery is discussed at line 18, under 'Prescription Pain Medications'/);
    expect(surgery.message).toContain("'## Surgery'");
    expect(acupuncture.message).toMatch(/^Acupuncture is discussed at line 28, under 'Chiropractic Care'/);
    expect(acupuncture.message).toContain("'## Acupuncture'");
  });

  it('finds a mention by word stem', () => {
    const body = '## Causes\n\nA slipped disc can press on a nerve.\n\n## Outlook\n\nSome people are treated surgically when pain persists.\n';
    const [report] = check(article(['surgery'], body));
    expect(report.messageId).toBe('no-heading-mentioned');
    expect(report.message).toContain('line 12');
    expect(report.message).toContain("'Outlook'");
  });

  it('says "in the introduction" for a mention before the first heading, and suggests a heading at the level of the section', () => {
    const intro = check(article(['massage'], 'Massage eases tight muscles.\n\n## Exercise\n\nWalk daily.\n'));
    expect(intro[0].message).toContain('in the introduction');
    // The very first word of the body is a mention too.
    const first = check('---\ntreatments: [massage]\n---\nMassage eases tight muscles.\n');
    expect(first.map((r) => r.messageId)).toEqual(['no-heading-mentioned']);
    expect(first[0].message).toContain('line 4');
    const nested = check(article(['massage'], '## Treatment\n\n### Exercise\n\nWalk daily. A massage afterwards helps.\n'));
    expect(nested[0].message).toContain("'### Massage'");
  });

  it('does not take a link target for a mention', () => {
    const body = '## Exercise\n\nSee [our guide](https://example.org/acupuncture-guide) for more.\n';
    expect(ids(check(article(['acupuncture'], body)))).toEqual(['3:14 no-heading']);
  });

  it('does not let a generic heading stand for a treatment', () => {
    const body = '## Treatment\n\nRest and ice help most sprains.\n\n## Care at Home\n\nKeep the ankle raised.\n';
    expect(check(article(['ice therapy'], body)).map((r) => r.messageId)).toEqual(['no-heading-mentioned']);
    expect(check(article(['ice therapy'], `${body}\n## Ice\n\nWrap ice in a towel for 20 minutes.\n`))).toEqual([]);
  });

  it('ignores an article without treatments', () => {
    expect(check('---\ntitle: T\n---\n\nText.\n')).toEqual([]);
  });

  it('reports through the engine', () => {
    const parsed = parseArticle({ path: '/project/articles/seed.md', relPath: 'seed.md', content: fixture('not-ok-seed.md') });
    const [result] = lintArticles([parsed], { config, now: '2026-01-15' });
    const mine = result.messages.filter((m) => m.ruleId === 'treatment-headings');
    expect(mine.map((m) => `${m.line}:${m.column} ${m.severity}`)).toEqual(['7:45 error', '7:73 error']);
  });
});

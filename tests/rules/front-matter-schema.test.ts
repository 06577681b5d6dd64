import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { runRule } from './support/lint-with-rule.js';
import { lintArticles } from '../../src/lint/engine.js';
import { frontMatterSchema } from '../../src/rules/front-matter-schema.js';
import type { ProjectView } from '../../src/rules/types.js';

const config = defaultConfig('/project');
const project = { articles: [], article: () => undefined, exists: () => false } satisfies ProjectView;

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/front-matter-schema/${name}`, import.meta.url), 'utf8');
}

function check(content: string, relPath = 'article.md'): Diagnostic[] {
  const article = parseArticle({ path: `/project/articles/${relPath}`, relPath, content });
  return runRule(frontMatterSchema, { article, config, options: {}, now: '2026-01-15', project }).sort((a, b) => a.line - b.line || a.column - b.column);
}

const ids = (reports: Diagnostic[]) => reports.map((r) => `${r.line}:${r.column} ${r.messageId}`);

describe('front-matter-schema', () => {
  it('accepts a complete, valid front matter (unknown keys included)', () => {
    expect(check(fixture('ok.md'))).toEqual([]);
  });

  it('reports each wrong value at its place in the file', () => {
    expect(ids(check(fixture('not-ok.md')))).toEqual([
      '2:8 wrong-type', // title: 2024
      '4:7 invalid-date', // 30 February
      '6:9 empty', // author: ""
      '7:7 unknown-type',
      '8:13 wrong-type', // treatments is not a list
      '9:18 wrong-type', // tags entry 2 is a number
      '10:7 invalid-slug',
      '11:8 wrong-type', // draft: "no"
      '12:7 invalid-lang',
      '13:11 wrong-type', // imageAlt: true
      '14:15 implausible-date', // a placeholder, before 1900
    ]);
  });

  it('names the expected type and the value it found', () => {
    const title = check(fixture('not-ok.md')).find((r) => r.line === 2)!;
    expect(title.message).toContain("'title'");
    expect(title.message).toContain('2024');
    const type = check(fixture('not-ok.md')).find((r) => r.messageId === 'unknown-type')!;
    for (const known of Object.keys(config.types)) expect(type.message).toContain(known);
  });

  it('says which title the page shows meanwhile, and where a heading it takes stands', () => {
    const front = '---\ntitle: 2024\ndescription: Duties and liabilities of nurses, for the board review.\ndate: 2024-05-08\nauthor: A. Writer\n---\n';
    const opening = check(`${front}# Criminal Liabilities\n\nText.\n`).find((r) => r.line === 2)!;
    expect(opening.message).toContain('Until then the page is titled "Criminal Liabilities", from the body\'s first heading');
    const later = check(`${front}Intro.\n\n- a duty\n\n# Criminal Liabilities\n\nText.\n`).find((r) => r.line === 2)!;
    expect(later.message).toContain('Until then the page is titled "Criminal Liabilities", from the first heading, which stands below other words: the page shows it at its top instead of where it stands');
  });

  it('reports missing required keys at 1:1, once each', () => {
    const reports = check(fixture('not-ok-missing.md'));
    expect(reports.every((r) => r.line === 1 && r.column === 1 && r.messageId === 'missing')).toBe(true);
    expect(reports.map((r) => /'(\w+)'/.exec(r.message)![1]).sort()).toEqual(['author', 'date', 'description', 'title']);
  });

  it('takes the date from a Jekyll file-name prefix and checks updated against it', () => {
    expect(ids(check(fixture('2024-06-12-hay-fever.md'), '2024-06-12-hay-fever.md'))).toEqual(['5:10 updated-before-date']);
    expect(check(fixture('2024-06-12-hay-fever.md').replace('2024-06-01', '2024-07-01'), '2024-06-12-hay-fever.md')).toEqual([]);
  });

  it('accepts ISO date-times that name a real day and refuses impossible ones', () => {
    const base = 'title: T\ndescription: D\nauthor: A\n';
    expect(check(`---\n${base}date: 2024-05-08T23:30:00+02:00\n---\n`)).toEqual([]);
    expect(ids(check(`---\n${base}date: 2024-05-08T25:00:00Z\n---\n`))).toEqual(['5:7 invalid-date']);
    expect(ids(check(`---\n${base}date: 20240508\n---\n`))).toEqual(['5:7 wrong-type']);
  });

  it('leaves an absent or blank review to review-current but checks a given review date', () => {
    const base = 'title: T\ndescription: D\nauthor: A\ndate: 2024-05-08\n';
    expect(check(`---\n${base}reviewedBy:\nlastReviewed: ""\n---\n`)).toEqual([]);
    expect(ids(check(`---\n${base}reviewedBy: 7\nlastReviewed: 2024-13-01\n---\n`))).toEqual(['6:13 wrong-type', '7:15 invalid-date']);
  });

  it('accepts a list of authors and refuses an empty one or an empty name in it', () => {
    const base = 'title: T\ndescription: D\ndate: 2024-05-08\n';
    expect(check(`---\n${base}author:\n  - Jane Doe\n  - Sam Lee\n---\n`)).toEqual([]);
    expect(ids(check(`---\n${base}author: []\n---\n`))).toEqual(['5:9 empty']);
    expect(ids(check(`---\n${base}author:\n  - Jane Doe\n  - ""\n---\n`))).toEqual(['7:5 empty']);
  });

  it('warns about dates before 1900 and a publication date after today, at the date', () => {
    const base = 'title: T\ndescription: D\nauthor: A\n';
    const old = check(`---\n${base}date: 0001-01-01\nupdated: 0050-03-04\nlastReviewed: 1899-12-31\n---\n`);
    expect(ids(old)).toEqual(['5:7 implausible-date', '6:10 implausible-date', '7:15 implausible-date']);
    expect(old.every((r) => r.severity === 'warning')).toBe(true);
    expect(old[0].message).toContain('0001-01-01');
    const future = check(`---\n${base}date: 2026-01-16\nupdated: 2027-01-01\n---\n`);
    expect(ids(future)).toEqual(['5:7 implausible-date']);
    expect(future[0].message).toContain('2026-01-15');
    expect(check(`---\n${base}date: 1900-01-01\nupdated: 2026-01-15\n---\n`)).toEqual([]);
    expect(check(`---\n${base}date: 2026-01-15\n---\n`)).toEqual([]);
  });

  it('warns about a placeholder date in a Jekyll file name, at 1:1', () => {
    const reports = check('---\ntitle: Footer\ndescription: D\nauthor: A\n---\nText.\n', '0001-01-01-footer.md');
    expect(ids(reports)).toEqual(['1:1 implausible-date']);
    expect(reports[0].message).toMatch(/file name/);
  });

  it('reports an implausible date as a warning through the engine, whatever the rule severity', () => {
    const article = parseArticle({ path: '/project/articles/a.md', relPath: 'a.md', content: '---\ntitle: T\ndescription: D\nauthor: A\ndate: 0001-01-01\n---\n' });
    const [result] = lintArticles([article], { config, now: '2026-01-15' });
    const finding = result.messages.find((m) => m.messageId === 'implausible-date')!;
    expect(finding).toMatchObject({ ruleId: 'front-matter-schema', severity: 'warning', line: 5, column: 7 });
  });

  it('says which title the page uses while `title` is missing', () => {
    const base = '---\ndescription: D\ndate: 2024-05-08\nauthor: A\n---\n';
    const fromHeading = check(`${base}# Vitamin D and bones\n\nText.\n`, '2019-05-03-vitamin-d-facts.md');
    expect(ids(fromHeading)).toEqual(['1:1 missing']);
    expect(fromHeading[0].message).toContain('"Vitamin D and bones"');
    const fromFile = check(`${base}Text.\n`, '2019-05-03-vitamin-d-facts.md');
    expect(fromFile[0].message).toContain('"Vitamin d facts"');
    expect(fromFile[0].message).toMatch(/file name/);
    const wrongType = check(`---\ntitle: 2024\ndescription: D\ndate: 2024-05-08\nauthor: A\n---\nText.\n`, 'knee-pain.md');
    expect(wrongType[0].message).toContain('"Knee pain"');
  });

  it('runs through the engine on a file without front matter', () => {
    const article = parseArticle({ path: '/project/articles/plain.md', relPath: 'plain.md', content: '# Just a body\n' });
    const [result] = lintArticles([article], { config, now: '2026-01-15' });
    const mine = result.messages.filter((m) => m.ruleId === 'front-matter-schema');
    expect(mine.map((m) => m.messageId)).toEqual(['missing', 'missing', 'missing', 'missing']);
    expect(mine.every((m) => m.severity === 'error')).toBe(true);
  });

  it('builds hints from the article itself, never a canned sentence about another page', () => {
    const reports = check('---\ntitle: Glossary of spine terms\ndate: 2024-05-08\n---\n\nText.\n', 'glossary.md');
    const messages = reports.map((r) => r.message).join('\n');
    expect(messages).not.toMatch(/back pain|Jane Doe/i);
    expect(messages).toContain('on what a reader of "Glossary of spine terms" will learn');
    expect(messages).toContain('the name of the person who wrote it');
  });
});

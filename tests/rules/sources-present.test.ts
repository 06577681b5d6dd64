import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig, type Config } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { runRule } from './support/lint-with-rule.js';
import { lintArticles } from '../../src/lint/engine.js';
import { sourcesPresent } from '../../src/rules/sources-present.js';
import type { ProjectView } from '../../src/rules/types.js';

const project = { articles: [], article: () => undefined, exists: () => false } satisfies ProjectView;

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/sources-present/${name}`, import.meta.url), 'utf8');
}

function check(content: string, config: Config = defaultConfig('/project')): Diagnostic[] {
  const article = parseArticle({ path: '/project/articles/vitamin-d.md', relPath: 'vitamin-d.md', content });
  return runRule(sourcesPresent, { article, config, options: {}, now: '2026-01-15', project });
}

const ids = (reports: Diagnostic[]) => reports.map((r) => `${r.line}:${r.column} ${r.messageId}`);
const withSources = (lines: string) => `---\ntitle: Vitamin D\n---\n\nText.\n\n## Sources\n\n${lines}\n`;

describe('sources-present', () => {
  it('accepts a References section citing through a reference-style link and a DOI', () => {
    expect(check(fixture('ok.md'))).toEqual([]);
    const referenceOnly = fixture('ok.md').replace(/^3\. .*$/m, '');
    expect(referenceOnly).not.toContain('10.1016');
    expect(check(referenceOnly)).toEqual([]);
    expect(ids(check(referenceOnly.replace(/^\[nhs\]: .*$/m, '')))).toEqual(['14:1 no-citation']);
  });

  it('reports a section that names sources without citing them (a URL in a comment does not count)', () => {
    expect(ids(check(fixture('not-ok.md')))).toEqual(['10:1 no-citation']);
  });

  it('reports a missing section at the type key, even when the body links elsewhere', () => {
    expect(ids(check(fixture('not-ok-missing.md')))).toEqual(['6:1 missing']);
    expect(ids(check('Vitamin D keeps bones healthy.\n'))).toEqual(['1:1 missing']);
  });

  it('accepts a bare URL, a doi.org link, a DOI and a PMID', () => {
    expect(check(withSources('- https://www.nice.org.uk/guidance/ph56'))).toEqual([]);
    expect(check(withSources('- [Cochrane review](https://doi.org/10.1002/14651858.CD007470.pub3)'))).toEqual([]);
    expect(check(withSources('- Bjelakovic G, et al. Cochrane Database Syst Rev. 2014. 10.1002/14651858.CD007470.pub3'))).toEqual([]);
    expect(check(withSources('- Manson JE, et al. N Engl J Med. 2019. PMID: 30415629'))).toEqual([]);
  });

  it.each([
    '- Writer A, Writer B. A trial of a treatment. N Engl J Med 2003;348(11):977-85.',
    '- Writer A. A case series. Lancet. 2020;395:497–506.',
    '- Writer A. A cohort study. JAMA 2019; 321(6): 560-9.',
    '- Writer A. A rapid review. BMJ 2018;360:k322.',
    '- Writer A, et al. A cohort. Lancet. 2020 Feb 15;395(10223):497-506.',
    // APA and Harvard: the year in brackets, then the journal, its volume (issue) and pages or article number.
    '- Writer, A. B. (2007). A review. New England Journal of Medicine, 357(3), 266–281.',
    '- Writer, A. and Writer, B. (2019) A trial. Journal of Sleep Research, 28(2), e12345.',
    // An issue without a volume and an article number: a Cochrane review.
    '- Writer P, et al. A review. Cochrane Database Syst Rev. 2019;(4):CD011234.',
    // Authors with their initials and the year, as PubMed lists a paper without its volume.
    '- Writer MF. A review. N Engl J Med. 2007.',
  ])('accepts a References list of journal citations written out, with no link: %j', (line) => {
    expect(check(withSources(line).replace('## Sources', '## References'))).toEqual([]);
  });

  it('does not take dates, times or ratios for journal citations', () => {
    expect(ids(check(withSources('- Leaflet, 2020; see page 4\n- Clinic hours 2019: 9-5\n- Ratio 3:1')))).toEqual(['7:1 no-citation']);
  });

  it('refuses things that only look like citations', () => {
    expect(ids(check(withSources('- Ask your pharmacist\n- Page 10.5 of the leaflet\n- http://localhost')))).toEqual(['7:1 no-citation']);
    expect(ids(check(withSources('- NHS (2020). Back pain.\n- Dr Smith, our GP, in 2019\n- Ask A. Nurse\n- Our GP, 2019\n- The NHS, 2019')))).toEqual(['7:1 no-citation']);
  });

  it('leaves a scaffold placeholder to no-placeholder instead of reporting it twice', () => {
    expect(check(withSources('- [[Add at least one source: a URL, DOI or PMID]]'))).toEqual([]);
    expect(ids(check(withSources('- Add at least one source')))).toEqual(['7:1 no-citation']);
  });

  it('applies to medical types and to types that require Sources, not to others', () => {
    const config = defaultConfig('/project');
    config.types.news = { requiredSections: [], medical: false };
    config.types.evidence = { requiredSections: ['References'], medical: false };
    expect(check('---\ntitle: New clinic\ntype: news\n---\n\nText.\n', config)).toEqual([]);
    expect(ids(check('---\ntitle: Evidence round-up\ntype: evidence\n---\n\nText.\n', config))).toEqual(['3:1 missing']);
  });

  it('reports through the engine as an error', () => {
    const article = parseArticle({ path: '/project/articles/vitamin-d.md', relPath: 'vitamin-d.md', content: fixture('not-ok.md') });
    const [result] = lintArticles([article], { config: defaultConfig('/project'), now: '2026-01-15' });
    expect(result.messages.filter((m) => m.ruleId === 'sources-present').map((m) => [m.messageId, m.severity])).toEqual([['no-citation', 'error']]);
  });

  it('counts footnote definitions written under the Sources heading, and still asks for the section without one', () => {
    expect(check(withSources('[^1]: Holick MF. N Engl J Med 2007;357(3):266-81'))).toEqual([]);
    const noSection = check('---\ntitle: Vitamin D\n---\n\nText.[^1]\n\n[^1]: https://www.nhs.uk/conditions/vitamins-and-minerals/vitamin-d/\n');
    expect(ids(noSection).map((id) => id.split(' ')[1])).toEqual(['missing']);
  });
});

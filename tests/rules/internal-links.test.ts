import { describe, expect, it } from 'vitest';
import { internalLinks } from '../../src/rules/internal-links.js';
import { fixture, lintWithRule, summary, type LintSetup } from './support/lint-with-rule.js';

const ID = internalLinks.id;
const SELF = 'conditions/sciatica.md';
const others = {
  'conditions/back-pain.md': '---\ntitle: Back pain\n---\n## Symptoms\n\n## Causes\n\n## Treatment\n',
  'treatments/physiotherapy.md': '---\ntitle: Physiotherapy\n---\n## How it works\n\n## Risks\n\n## Side effects\n',
};
const files = ['articles/leaflets/sciatica-exercises.pdf'];
const article = (body: string) => `---\ntitle: Sciatica\n---\n${body}`;
const lint = (content: string, setup: Partial<LintSetup> = {}) =>
  lintWithRule(ID, { others, files, ...setup, articles: { [SELF]: content, ...setup.articles } }).get(SELF) ?? [];

describe('internal-links', () => {
  it('passes links to existing articles, files and headings, with queries and repeated headings', () => {
    expect(lint(fixture(ID, 'ok.md'))).toEqual([]);
  });

  it('reports missing articles, files and anchors, and links out of the project', () => {
    expect(summary(lint(fixture(ID, 'not-ok.md')))).toEqual([
      'missing-file@8:28',
      'missing-anchor@12:37',
      'missing-file@16:11',
      'missing-anchor@16:78',
      'missing-anchor@20:11',
      'outside-project@20:48',
      'missing-anchor@24:5',
    ]);
  });

  it('suggests the closest heading id, or lists the ids when none is close', () => {
    const [close, far] = lint(article('[a](back-pain.md#symptom) [b](../treatments/physiotherapy.md#benefits)\n'));
    expect(close.message).toContain('#symptoms');
    expect(far.message).toContain('#how-it-works');
    expect(far.message).toContain('#side-effects');
  });

  it('suggests a linted article with a similar name for a missing .md file', () => {
    const [finding] = lint(article('[back pain](back-pian.md)\n'), { articles: { 'conditions/back-pain.md': others['conditions/back-pain.md'] } });
    expect(finding).toMatchObject({ messageId: 'missing-file', line: 4, column: 1 });
    expect(finding.message).toContain('back-pain.md?');
  });

  it('matches anchors exactly as the renderer writes ids: case matters, percent-encoding does not', () => {
    const body = '## Café culture\n\n## Risks\n\n## Risks\n\n[a](#caf%C3%A9-culture) [b](#café-culture) [c](#risks-1) [d](#risks-2) [e](#RISKS)\n';
    expect(summary(lint(article(body)))).toEqual(['missing-anchor@10:58', 'missing-anchor@10:72']);
  });

  it('checks anchors in articles that are linted together', () => {
    const setup = { articles: { 'conditions/back-pain.md': others['conditions/back-pain.md'] }, others: {} };
    expect(summary(lint(article('[a](back-pain.md#causes) [b](back-pain.md#diagnosis)\n'), setup))).toEqual(['missing-anchor@4:26']);
  });

  it('does not check anchors of an article that cannot be parsed (front-matter-valid reports it)', () => {
    const broken = { 'conditions/broken.md': '---\ntitle: [unclosed\n---\n## Causes\n' };
    expect(lint(article('[x](broken.md#anything)\n'), { others: { ...others, ...broken } })).toEqual([]);
  });

  it('leaves external, contact and unsafe links to other rules, and ignores links in code', () => {
    const body = '[nhs](https://www.nhs.uk/x.md) [mail](mailto:a@example.org) [js](javascript:alert(1)) [abs](/x.md)\n\n`[x](gone.md)`\n\n```\n[y](gone.md)\n```\n';
    expect(lint(article(body))).toEqual([]);
  });

  it('accepts a link to the page itself and to the top of the page', () => {
    expect(lint(article('[top](#) [self](sciatica.md) [same](?print=1)\n'))).toEqual([]);
  });

  it('checks images for nothing (link-safety checks images)', () => {
    expect(lint(article('![A leg](missing.png)\n'))).toEqual([]);
  });
});

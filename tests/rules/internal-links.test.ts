import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/config.js';
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

  it('accepts an anchor that raw HTML sets (an id, or a link name), here or in another article, but not under html: text', () => {
    const faq = { 'conditions/faq.md': '---\ntitle: FAQ\n---\n<h2 id="treating">Treating it</h2>\n\n<p id="dose">Two tablets.</p>\n' };
    const body = '<a name="top"></a>Intro.\n\n[a](#top) [b](faq.md#treating) [c](faq.md#dose) [d](faq.md#missing)\n';
    expect(summary(lint(article(body), { articles: faq }))).toEqual(['missing-anchor@6:49']);
    // html: text removes every tag, and the ids with them.
    const text = lint(article(body), { articles: faq, config: (c: Config) => void (c.html = 'text') });
    expect(summary(text)).toEqual(['missing-anchor@6:1', 'missing-anchor@6:11', 'missing-anchor@6:32', 'missing-anchor@6:49']);
  });

  it('reports a link or image Markdown prints as written because its address holds a space, not one in code or written right', () => {
    const body = '![Red eye](red eye.png "Eye allergy") and [the guide](pollen guide.md).\n\n`[x](a b)` [ok](<pollen guide.md>) [fine](back-pain.md)\n';
    const findings = lint(article(body), { files: ['articles/conditions/red eye.png'] });
    expect(summary(findings)).toEqual(['unparsed-link@4:1', 'unparsed-link@4:43', 'missing-file@6:12']);
    // An address marked links inside the words does not make the whole a link.
    const mail = lint(article('Write to **[help@example.org](mailto:help@example.org?Subject=A group for asthma)**.\n'));
    expect(summary(mail)).toEqual(['unparsed-link@4:12']);
    expect(findings[0].message).toBe(
      "Image '![Red eye](red eye.png \"Eye allergy\")' is printed as written, brackets and all: its address holds a space, which Markdown does not allow there (Jekyll's kramdown does); write the address as <red eye.png> or red%20eye.png",
    );
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
      'unresolved-site-link@26:12',
      'unresolved-site-link@26:46',
    ]);
  });

  it('resolves anchors to the ids headings set ({#id}), in this article and others, and not to the slug of the braces', () => {
    const target = { 'conditions/back-pain.md': '---\ntitle: Back pain\n---\n## When to get help {#urgent}\n\nText.\n' };
    const body = '## Sources {#refs}\n\nSee [the list](#refs), [help](back-pain.md#urgent).\n\n[Old](#sources-refs) [old](back-pain.md#when-to-get-help-urgent)\n';
    expect(summary(lint(article(body), { others: target }))).toEqual(['missing-anchor@8:1', 'missing-anchor@8:22']);
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
    const body = '[nhs](https://www.nhs.uk/x.md) [mail](mailto:a@example.org) [js](javascript:alert(1)) [proto](//example.org/x.md)\n\n`[x](gone.md)`\n\n```\n[y](gone.md)\n```\n';
    expect(lint(article(body))).toEqual([]);
  });

  it('resolves site-root links through permalinks and front matter, and checks their anchors', () => {
    const backPain = '---\ntitle: Back pain\ndate: 2019-05-03\naliases: [/old/back.html]\n---\n## Causes\n';
    const setup = { articles: { 'conditions/back-pain.md': backPain }, config: (c: Config) => (c.permalinks = ['/:year/:month/:day/:title/']) };
    const body = '[a](/2019/05/03/back-pain/) [b](/old/back.html#causes) [c](/2019/05/03/back-pain/#cause) [d](/back-pain/)\n';
    const findings = lint(article(body), setup);
    expect(summary(findings)).toEqual(['missing-anchor@4:56', 'unresolved-site-link@4:90']);
    expect(findings[0].message).toContain('did you mean #causes?');
    // The did-you-mean names the article's .md file: a link that keeps working whatever the URLs.
    expect(findings[1].message).toContain('did you mean back-pain.md?');
  });

  it('says what build and export do with a site-root link that leads nowhere, and names ambiguity', () => {
    const [nowhere] = lint(article('[x](/nowhere)\n'));
    expect(nowhere).toMatchObject({ messageId: 'unresolved-site-link', line: 4, column: 1, endColumn: 14 });
    expect(nowhere.message).toContain('build keeps it as written');
    expect(nowhere.message).toContain('permalinks');
    const twins = { 'a.md': '---\ntitle: Same\n---\n', 'b.md': '---\ntitle: Same\n---\n' };
    const [ambiguous] = lint(article('[x](/same/)\n'), { articles: twins, config: (c: Config) => (c.permalinks = ['/:title/']) });
    expect(ambiguous).toMatchObject({ messageId: 'ambiguous-site-link' });
  });

  it('checks raw HTML links with the same resolver as Markdown links, at the href', () => {
    const body = 'See <a href="/nowhere">the office</a> and <a href="../conditions/back-pain.md#symptoms">back pain</a>.\n\n<p><a href="missing.md">gone</a> <a href="../leaflets/x.xyz">x</a></p>\n';
    expect(summary(lint(article(body)))).toEqual(['unresolved-site-link@4:8', 'missing-file@6:7', 'missing-file@6:37']);
  });

  it('reports a link to a local file the site does not publish', () => {
    const [finding] = lint(article('[log](../leaflets/log.xyz)\n'), { files: [...files, 'articles/leaflets/log.xyz'] });
    expect(finding).toMatchObject({ messageId: 'not-published', line: 4, column: 1 });
    expect(finding.message).toContain('.xyz');
  });

  it('accepts a link to the page itself and to the top of the page', () => {
    expect(lint(article('[top](#) [self](sciatica.md) [same](?print=1)\n'))).toEqual([]);
  });

  it('checks images for nothing (link-safety checks images)', () => {
    expect(lint(article('![A leg](missing.png)\n'))).toEqual([]);
  });

  it('reports a footnote reference without a definition, with the label it likely meant, and a label defined twice', () => {
    const body = 'Rest helps.[^nice] Ice too.[^2]\n\n[^nise]: NICE NG59.\n[^2]: A source.\n[^2]: Another source.\n';
    const findings = lint(article(body));
    expect(summary(findings)).toEqual(['missing-footnote@4:12', 'duplicate-footnote@8:1']);
    expect(findings[0].message).toContain('did you mean [^nise]?');
    expect(findings[1].message).toContain('first on line 7');
  });

  it('reports a reference link or image whose label no definition gives, which the page prints as written', () => {
    const body = [
      'Read [iron guidance][iron-guid] and ![a chart][chart], or [the leaflet][] and [NHS][nhs-site].',
      '',
      'Trials agree [1][2]; see [4][] too. Code: `[a][b]`. Inline [x][y](https://example.org/) is a link.',
      '',
      '> Quoted [advice][Iron-Guide].',
      '',
      '[nhs-site]: https://www.nhs.uk/',
      '[iron-guide]: https://www.nhs.uk/iron/',
      '',
    ].join('\n');
    const findings = lint(article(body));
    expect(summary(findings)).toEqual(['missing-reference@4:6', 'missing-reference@4:37', 'missing-reference@4:59']);
    expect(findings[0].message).toContain("'[iron guidance][iron-guid]'");
    expect(findings[0].message).toContain('did you mean [iron-guide]?');
    expect(findings[1].message).toMatch(/^Image '!\[a chart\]\[chart\]'/);
    expect(findings[1].message).toContain('the article defines [nhs-site], [iron-guide]');
  });
});

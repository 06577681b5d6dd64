import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { runRule } from './support/lint-with-rule.js';
import type { ProjectView } from '../../src/rules/types.js';
import { uniqueSlug } from '../../src/rules/unique-slug.js';
import { ARTICLES, NOW, ROOT, fixture, lintOne, lintWithRule, summary } from './support/lint-with-rule.js';

const ID = uniqueSlug.id;
const backPain = '---\ntitle: Back pain\ndescription: Back pain is very common and usually gets better on its own within a few weeks.\n---\nKeep active.\n';
const withSlug = (slug: string) => `---\ntitle: Back pain\nslug: ${slug}\n---\nKeep active.\n`;

describe('unique-slug', () => {
  it('passes articles whose URLs differ', () => {
    const results = lintWithRule(ID, { articles: { 'back-pain.md': backPain, 'back-pain-in-pregnancy.md': fixture(ID, 'ok.md') } });
    expect([...results.values()].flat()).toEqual([]);
  });

  it('reports both articles that share a URL, at the slug key or at 1:1, naming the other file', () => {
    const results = lintWithRule(ID, { articles: { 'back-pain.md': backPain, 'pregnancy-back-pain.md': fixture(ID, 'not-ok.md') } });
    const [plain] = results.get('back-pain.md')!;
    const [slugged] = results.get('pregnancy-back-pain.md')!;
    expect(plain).toMatchObject({ messageId: 'duplicate-url', line: 1, column: 1, severity: 'error', fatal: true });
    expect(plain.message).toContain('articles/back-pain/');
    expect(plain.message).toContain('articles/pregnancy-back-pain.md');
    expect(slugged).toMatchObject({ messageId: 'duplicate-url', line: 6, column: 1, fatal: true });
    expect(slugged.message).toContain('articles/back-pain.md');
  });

  it('compares URLs case-insensitively and counts Jekyll date prefixes, naming every other file', () => {
    const results = lintWithRule(ID, { articles: { 'back-pain.md': backPain, 'Back-Pain.md': backPain, '2024-05-08-back-pain.md': backPain } });
    expect([...results.values()].map(summary)).toEqual([['duplicate-url@1:1'], ['duplicate-url@1:1'], ['duplicate-url@1:1']]);
    const message = results.get('back-pain.md')![0].message;
    expect(message).toContain('articles/Back-Pain.md');
    expect(message).toContain('articles/2024-05-08-back-pain.md');
  });

  it('compares URLs after Unicode normalisation: café.md saved in NFC and in NFD is one URL', () => {
    const nfc = 'caf\u00e9.md';
    const nfd = 'cafe\u0301.md';
    const results = lintWithRule(ID, { articles: { [nfc]: backPain, [nfd]: backPain } });
    expect([...results.values()].map(summary)).toEqual([['duplicate-url@1:1'], ['duplicate-url@1:1']]);
    expect(results.get(nfc)![0].message).toContain('articles/caf\u00e9/');
  });

  it('keeps sub-folders apart: the same slug in two folders is two URLs', () => {
    const results = lintWithRule(ID, { articles: { 'adults/pain.md': withSlug('back-pain'), 'children/pain.md': withSlug('back-pain') } });
    expect([...results.values()].flat()).toEqual([]);
  });

  it('refuses a slug that would leave the output folder, at the slug value', () => {
    expect(summary(lintOne(ID, fixture(ID, 'unsafe.md')))).toEqual(['unsafe-slug@6:7']);
    expect(summary(lintOne(ID, withSlug('back/pain')))).toEqual(['unsafe-slug@3:7']);
    expect(summary(lintOne(ID, withSlug('"..\\\\..\\\\evil"')))).toEqual(['unsafe-slug@3:7']);
  });

  it('refuses a slug that is not a plain URL segment, suggesting one and saying where the page goes instead', () => {
    const [finding] = lintOne(ID, withSlug('Back Pain Café'));
    // An error, but not one that stops build --skip-lint: the page takes its file name, as it says.
    expect(finding).toMatchObject({ messageId: 'invalid-slug', line: 3, column: 7, severity: 'error' });
    expect(finding.fatal).toBeFalsy();
    expect(finding.message).toContain("'back-pain-cafe'");
    expect(finding.message).toMatch(/published at its file name \(\/articles\/[^)]+\/\)/);
    expect(summary(lintOne(ID, withSlug('""')))).toEqual(['invalid-slug@3:7']);
    expect(summary(lintOne(ID, withSlug('[a, b]')))).toEqual(['invalid-slug@3:7']);
    expect(summary(lintOne(ID, withSlug('2024')))).toEqual(['invalid-slug@3:7']);
    expect(lintOne(ID, withSlug('"2024"'))).toEqual([]);
  });

  it('names a list or map slug as such, never as "[object Object]"', () => {
    const [list] = lintOne(ID, withSlug('[a, b, {c: 1}]'));
    expect(list).toMatchObject({ messageId: 'invalid-slug', line: 3, column: 7 });
    expect(list.message).toBe("Slug is a list, not text, so the page is published at its file name (/articles/article/): write one URL segment, such as 'slug: back-pain'");
    expect(lintOne(ID, withSlug('{a: 1}'))[0].message).toContain('Slug is a map');
  });

  it('refuses a slug or file name too long to be a folder name, and a file name with a backslash (build could not write either)', () => {
    expect(summary(lintOne(ID, withSlug('a'.repeat(300))))).toEqual(['long-slug@3:7']);
    expect(lintOne(ID, withSlug('a'.repeat(200)))).toEqual([]);
    const results = lintWithRule(ID, { articles: { 'a\\b.md': backPain, [`${'é'.repeat(120)}.md`]: backPain } });
    expect([...results.values()].map(summary)).toEqual([['unsafe-slug@1:1'], ['long-slug@1:1']]);
  });

  it('ignores files that cannot be parsed (front-matter-valid reports them)', () => {
    const results = lintWithRule(ID, { articles: { 'back-pain.md': backPain, 'back-pain.MD': '---\ntitle: [oops\n---\n' } });
    expect(results.get('back-pain.md')).toEqual([]);
  });

  it('reports through rule.check with a fake project as well', () => {
    const a = parseArticle({ path: `${ARTICLES}/a.md`, relPath: 'a.md', content: withSlug('shared') });
    const b = parseArticle({ path: `${ARTICLES}/b.md`, relPath: 'b.md', content: withSlug('shared') });
    const project: ProjectView = { articles: [a, b], article: () => undefined, exists: () => false };
    const reports = runRule(uniqueSlug, { article: a, config: defaultConfig(ROOT), now: NOW, project });
    expect(reports.map((r) => r.messageId)).toEqual(['duplicate-url']);
    expect(reports[0].message).toContain('articles/b.md');
  });

  it('reports aliases that clash with a page or with another alias at the alias item, not fatally', () => {
    const results = lintWithRule(ID, {
      articles: {
        'back-pain.md': backPain,
        'old.md': '---\ntitle: Old\naliases:\n  - /articles/back-pain/\n  - /old-back-pain/\n---\nText.\n',
        'other.md': '---\ntitle: Other\nredirect_from: /Old-Back-Pain\n---\nText.\n',
      },
    });
    expect(summary(results.get('old.md')!)).toEqual(['alias-clash@4:5']);
    expect(results.get('old.md')![0]).toMatchObject({ severity: 'error' });
    expect(results.get('old.md')![0].fatal).toBeUndefined();
    expect(results.get('old.md')![0].message).toContain('the page of back-pain.md');
    expect(summary(results.get('other.md')!)).toEqual(['alias-clash@3:16']);
    expect(results.get('other.md')![0].message).toContain('an alias in old.md');
    expect(results.get('back-pain.md')).toEqual([]);
  });

  it('judges a percent-escaped alias at the path it decodes to: the same old URL unescaped clashes, an escaped climb is refused', () => {
    const results = lintWithRule(ID, {
      articles: {
        'newborn.md': '---\ntitle: Newborn\nredirect_from: "/salud%20respiratoria/recien-nacido/"\n---\nText.\n',
        'other.md': '---\ntitle: Other\naliases: ["/salud respiratoria/recien-nacido/", "/%2e%2e/%2e%2e/etc/", "/a%2Fb/"]\n---\nText.\n',
      },
    });
    expect(results.get('newborn.md')).toEqual([]);
    const found = results.get('other.md')!;
    expect(found.map((d) => d.messageId)).toEqual(['alias-clash', 'invalid-alias', 'invalid-alias']);
    expect(found[0].message).toContain('an alias in newborn.md');
  });

  it('refuses aliases that are not a site-root path of their own', () => {
    const content = '---\ntitle: Old\naliases: [old/page, /../etc/, "https://example.org/x", /, /a?b=1, /feed.xml, 3, /fine/]\n---\nText.\n';
    const found = lintOne(ID, content);
    expect(found.map((d) => d.messageId)).toEqual(Array(7).fill('invalid-alias'));
    expect(found.map((d) => d.line)).toEqual(Array(7).fill(3));
    expect(new Set(found.map((d) => d.column)).size).toBe(7);
    expect(found[1].message).toContain('..');
    expect(found.every((d) => d.fatal === undefined)).toBe(true);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { publishedRuleDocsUrl, ruleDocsPath, ruleDocsUrl } from '../../src/core/rule-docs.js';
import { rules } from '../../src/rules/index.js';
import { fixture, lintOne } from './support/lint-with-rule.js';

const PROJECT_RULES = ['internal-links', 'link-safety', 'unique-slug'];
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The fenced block under a heading of a rule's page. */
function example(page: string, heading: string): string | undefined {
  const at = page.indexOf(`### ${heading}\n`);
  if (at === -1) return undefined;
  const open = /^(`{3,})markdown\n/m.exec(page.slice(at));
  if (!open) return undefined;
  const start = at + open.index + open[0].length;
  const end = page.indexOf(`\n${open[1]}\n`, start);
  return page.slice(start, end + 1);
}

describe('rule docs', () => {
  for (const rule of rules) {
    describe(rule.id, () => {
      const file = path.join(REPO, ruleDocsPath(rule.id));
      const page = existsSync(file) ? readFileSync(file, 'utf8') : '';

      it('has its page, and the url healthmd rules gives points at it', () => {
        expect(page.startsWith(`# ${rule.id}\n`)).toBe(true);
        expect(page).toContain('## Why it matters');
        expect(ruleDocsUrl(rule.id)).toBe(new URL(ruleDocsPath(rule.id), `file://${REPO}/`).href);
      });

      it('shows its fixtures as they are, every message id and every option', () => {
        expect(example(page, 'Passes (ok.md)')).toBe(fixture(rule.id, 'ok.md'));
        expect(example(page, 'Reported (not-ok.md)')).toBe(fixture(rule.id, 'not-ok.md'));
        for (const id of Object.keys(rule.messages)) expect(page).toContain(`- \`${id}\`: `);
        const shape = (rule.options?._zod.def as { shape?: object } | undefined)?.shape ?? {};
        for (const option of Object.keys(shape)) expect(page).toContain(`| \`${option}\` |`);
      });

      // Project rules need the files their fixtures link to or clash with: their own tests lint the fixtures in that project.
      it.skipIf(PROJECT_RULES.includes(rule.id))('passes its ok example and reports its not-ok one', () => {
        const now = '2026-01-15';
        expect(lintOne(rule.id, fixture(rule.id, 'ok.md'), { now })).toEqual([]);
        expect(lintOne(rule.id, fixture(rule.id, 'not-ok.md'), { now }).length).toBeGreaterThan(0);
      });
    });
  }
});

describe('publishedRuleDocsUrl', () => {
  it("links to the rule's page in the repository package.json names, however npm's forms write it", () => {
    const page = 'docs/rules/image-alt.md';
    for (const repository of ['clinic/healthmd', 'github:clinic/healthmd', 'git+https://github.com/clinic/healthmd.git', 'git@github.com:clinic/healthmd.git', { type: 'git', url: 'https://github.com/clinic/healthmd' }]) {
      expect(publishedRuleDocsUrl('image-alt', { repository }), JSON.stringify(repository)).toBe(`https://github.com/clinic/healthmd/blob/HEAD/${page}`);
    }
    expect(publishedRuleDocsUrl('image-alt', { repository: 'gitlab:clinic/healthmd' })).toBe(`https://gitlab.com/clinic/healthmd/-/blob/HEAD/${page}`);
    expect(publishedRuleDocsUrl('image-alt', { repository: { url: 'git+https://github.com/clinic/tools.git', directory: 'packages/healthmd' } })).toBe(
      `https://github.com/clinic/tools/blob/HEAD/packages/healthmd/${page}`,
    );
  });

  it('falls back to an https homepage, and gives none where the package names no public address', () => {
    expect(publishedRuleDocsUrl('image-alt', { homepage: 'https://healthmd.example/docs' })).toBe('https://healthmd.example/docs');
    expect(publishedRuleDocsUrl('image-alt', { repository: 'https://git.example/clinic/healthmd', homepage: 'https://healthmd.example/' })).toBe('https://healthmd.example/');
    expect(publishedRuleDocsUrl('image-alt', {})).toBeUndefined();
    expect(publishedRuleDocsUrl('image-alt', { homepage: 'file:///home/me/healthmd' })).toBeUndefined();
  });
});

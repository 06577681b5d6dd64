import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempProject } from './helpers.js';
import { attr, byTag, parseHtml, text } from '../site/support/html.js';

/** A lint-clean article whose crisis line and FAQ were written in HTML, as many health sites write them. */
const CRISIS_ARTICLE = readFileSync(path.join(REPO, 'tests/fixtures/raw-html/crisis-line.md'), 'utf8');
const env = { HEALTHMD_NOW: '2024-06-01' };
const PAGE = 'public/articles/crisis/index.html';

describe('an article whose crisis line is raw HTML', () => {
  it('is built under the default config with the number as a working tel: link', async () => {
    const project = tempProject({ 'healthmd.config.yaml': 'site:\n  baseUrl: https://example.org/\n', 'articles/crisis.md': CRISIS_ARTICLE });
    const run = await runCli(['build'], { cwd: project, env });
    expect(run.code).toBe(0);

    const html = readFileSync(path.join(project, PAGE), 'utf8');
    const doc = parseHtml(html);
    const links = byTag(doc, 'a').map((a) => ({ href: attr(a, 'href'), text: text(a) }));
    expect(links).toContainEqual({ href: 'tel:+1-800-273-8255', text: '1-800-273-8255' });
    expect(links).toContainEqual({ href: 'sms:838255', text: '838255' });
    const body = text(byTag(doc, 'main')[0]);
    expect(body).toContain('Call 1-800-273-8255, then press 1.');
    expect(body).toContain('Will they tell my family? Not unless you are in danger.');

    const validator = new HtmlValidate(
      new StaticConfigLoader({
        extends: ['html-validate:recommended'],
        // The number stays as written: a non-breaking hyphen (U+2011) copied into a dialler is not a hyphen.
        // The stylesheet keeps phone links on one line instead.
        rules: { 'long-title': 'off', 'tel-non-breaking': 'off' },
      }),
    );
    const report = await validator.validateString(html, PAGE);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
  });

  it('lint warns about the raw HTML, naming the class it removes, and errs on nothing', async () => {
    const project = tempProject({ 'articles/crisis.md': CRISIS_ARTICLE });
    const run = await runCli(['lint', '--format', 'json'], { cwd: project, env });
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout) as { errorCount: number; messages: { ruleId: string; message: string }[] }[];
    expect(result.errorCount).toBe(0);
    const rawHtml = result.messages.filter((m) => m.ruleId === 'no-raw-html');
    expect(rawHtml).toHaveLength(2); // one per HTML block: the crisis list and the FAQ
    expect(rawHtml[0].message).toContain('<ul>: class is removed, the element and its text kept');
  });

  it('keeps the number as text under html: text', async () => {
    const project = tempProject({ 'healthmd.config.yaml': 'html: text\n', 'articles/crisis.md': CRISIS_ARTICLE });
    const run = await runCli(['build', '--skip-lint'], { cwd: project, env });
    expect(run.code).toBe(0);
    const doc = parseHtml(readFileSync(path.join(project, PAGE), 'utf8'));
    expect(text(byTag(doc, 'main')[0])).toContain('Call 1-800-273-8255, then press 1. Text 838255.');
    expect(byTag(doc, 'a').some((a) => attr(a, 'href')?.startsWith('tel:'))).toBe(false);
  });
});

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { attr, byClass, byTag, parseHtml, text } from '../site/support/html.js';
import { SAMPLE_NOW, sampleProject } from '../site/support/project.js';

const DRAFT_PAGE = 'articles/hospital-rehab/index.html';
const PUBLISHED_PAGE = 'articles/trauma-informed-therapy/index.html';

describe('build --drafts', () => {
  let publicDir: string;
  const read = (file: string) => readFileSync(path.join(publicDir, file), 'utf8');
  const robots = (html: string) => byTag(parseHtml(html), 'meta').filter((m) => attr(m, 'name') === 'robots').map((m) => attr(m, 'content'));

  beforeAll(async () => {
    const project = sampleProject();
    const file = path.join(project, 'articles/hospital-rehab.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^---\n/, '---\ndraft: true\n'));
    const result = await runCli(['build', '--drafts'], { cwd: project, env: { HEALTHMD_NOW: SAMPLE_NOW } });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    publicDir = path.join(project, 'public');
  });

  it('marks a draft page with a banner the reader sees at the top of the main content', () => {
    const main = byTag(parseHtml(read(DRAFT_PAGE)), 'main')[0];
    const banners = byClass(main, 'draft-banner');
    expect(banners).toHaveLength(1);
    expect(attr(banners[0], 'role')).toBe('note');
    expect(text(banners[0])).toMatch(/^Draft\b.*not published/i);
    expect(main.childNodes?.find((child) => child.tagName)).toBe(banners[0]);
  });

  it('asks search engines not to index a draft page, and leaves it out of the sitemap', () => {
    expect(robots(read(DRAFT_PAGE))).toEqual(['noindex']);
    const sitemap = read('sitemap.xml');
    expect(sitemap).not.toContain('/articles/hospital-rehab/');
    expect(sitemap).toContain('/articles/trauma-informed-therapy/');
  });

  it('labels the draft in the index, and nothing else', () => {
    const cards = byClass(parseHtml(read('index.html')), 'post-card');
    const labelled = cards.filter((card) => byClass(card, 'draft-label').length > 0).map((card) => text(byTag(card, 'h2')[0]));
    expect(labelled).toEqual(['The Benefits of Hospital Rehab and Why You Should Consider It Draft']);
    expect(robots(read('index.html'))).toEqual([]);
  });

  it('leaves published pages unmarked and indexable', () => {
    const html = read(PUBLISHED_PAGE);
    expect(byClass(parseHtml(html), 'draft-banner')).toHaveLength(0);
    expect(robots(html)).toEqual([]);
  });

  it('keeps the draft page valid HTML', async () => {
    const validator = new HtmlValidate(new StaticConfigLoader({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } }));
    const report = await validator.validateString(read(DRAFT_PAGE));
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});

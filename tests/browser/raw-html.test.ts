import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './support/chromium.js';
import { REPO, runCli, tempProject } from '../e2e/helpers.js';

const CRISIS_ARTICLE = readFileSync(path.join(REPO, 'tests/fixtures/raw-html/crisis-line.md'), 'utf8');

const SHOTS = '/tmp/healthmd-shots';

describe.skipIf(!hasChromium)('a crisis line written in raw HTML, in a real browser', () => {
  let browser: Browser;
  let page: string;

  beforeAll(async () => {
    const project = tempProject({ 'healthmd.config.yaml': 'site:\n  baseUrl: https://example.org/\n', 'articles/crisis-line.md': CRISIS_ARTICLE });
    // The exported bundle works from file:// with its stylesheet, so no server is needed.
    const exported = await runCli(['export', '--out', 'bundle'], { cwd: project, env: { HEALTHMD_NOW: '2024-06-01' } });
    expect(exported.code).toBe(0);
    page = pathToFileURL(path.join(project, 'bundle/articles/crisis-line/index.html')).href;
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([1280, 390])('shows the number as a visible phone link on one line at %i px', async (width) => {
    const tab = await browser.newPage({ viewport: { width, height: 900 } });
    await tab.goto(page);
    const call = tab.getByRole('link', { name: '1-800-273-8255' });
    expect(await call.isVisible()).toBe(true);
    expect(await call.getAttribute('href')).toBe('tel:+1-800-273-8255');
    expect(await tab.getByRole('link', { name: '838255' }).getAttribute('href')).toBe('sms:838255');
    // Looks like a link (underlined, the link colour) and keeps the number on one line.
    const style = await call.evaluate((a) => {
      const s = getComputedStyle(a);
      return { underline: s.textDecorationLine, wrap: s.whiteSpace, height: a.getBoundingClientRect().height, line: parseFloat(s.lineHeight) };
    });
    expect(style.underline).toContain('underline');
    expect(style.wrap).toBe('nowrap');
    expect(await tab.getByText('Not unless you are in danger.').isVisible({ timeout: 0 }).catch(() => false)).toBe(false);
    await tab.getByText('Will they tell my family?').click();
    expect(await tab.getByText('Not unless you are in danger.').isVisible()).toBe(true);
    await tab.screenshot({ path: path.join(SHOTS, `raw-html-crisis-${width}.png`), fullPage: true });
    await tab.close();
  });
});

import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium } from './support/chromium.js';
import { axeViolations, serveFolder } from './support/static-site.js';
import { runCli } from '../e2e/helpers.js';
import { SAMPLE_NOW, sampleProject } from '../site/support/project.js';

const SHOTS = '/tmp/healthmd-shots';
if (!hasChromium) console.warn(`Skipping the browser tests: ${CHROMIUM} is not installed (apt-get install chromium).`);

async function shoot(page: Page, name: string): Promise<void> {
  for (const [label, width] of [['desktop', 1280], ['phone', 390]] as const) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, `${name}-${label}.png`), fullPage: true });
    // Nothing may be wider than the screen: a phone reader never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at ${width}px`).toBeLessThanOrEqual(width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe.skipIf(!hasChromium)('the built site in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const project = sampleProject();
    const build = await runCli(['build'], { cwd: project, env: { HEALTHMD_NOW: SAMPLE_NOW } });
    expect(build.code).toBe(0);
    server = await serveFolder(path.join(project, 'public'));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('opens the index, follows a post to its article and back, with no accessibility violations', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${base}/`);
    expect(await page.locator('h1').textContent()).toBe('Latest posts');
    expect(await page.locator('.post-card time').first().textContent()).toBe('8 May 2024');
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'index');

    const title = 'Collaborative Care for Your Back Pain: What You Should Know';
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(`${base}/articles/collaborative-care-back-pain/`);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('.disclaimer').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, 'article');

    // A contents link scrolls to its section; a latest post leads to another article.
    await page.locator('.toc a', { hasText: 'When to See a Doctor' }).click();
    await page.waitForURL(/#when-to-see-a-doctor$/);
    await page.locator('.latest-posts a').first().click();
    await page.waitForURL(`${base}/articles/womens-health/preparing-for-your-first-mammogram/`);

    await page.goBack();
    await page.goBack();
    await page.goBack();
    await page.waitForURL(`${base}/`);
    expect(await page.locator('h1').textContent()).toBe('Latest posts');
    expect(failed).toEqual([]);
    await page.close();
  });

  it('prints an article cleanly: no navigation, and the sources show their addresses', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/articles/collaborative-care-back-pain/`);
    await page.emulateMedia({ media: 'print' });
    const hidden = await page.evaluate(() =>
      ['.site-nav', '.toc', '.latest-posts', '.site-footer'].map((selector) => getComputedStyle(document.querySelector(selector)!).display),
    );
    expect(hidden).toEqual(['none', 'none', 'none', 'none']);
    const after = await page.evaluate(() => getComputedStyle(document.querySelector('.sources a[href^="http"]')!, '::after').content);
    expect(after).toMatch(/attr\(href\)|https:\/\//);
    expect(await page.locator('.disclaimer').isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'article-print.png'), fullPage: true });
    await page.close();
  });
});

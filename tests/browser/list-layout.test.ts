import { readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './support/chromium.js';
import { axeViolations, serveFolder } from './support/static-site.js';
import { runCli } from '../e2e/helpers.js';
import { SAMPLE_NOW, sampleProject } from '../site/support/project.js';

describe.skipIf(!hasChromium)('list pages and drafts in a real browser', () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const project = sampleProject();
    const draft = path.join(project, 'articles/hospital-rehab.md');
    writeFileSync(draft, readFileSync(draft, 'utf8').replace(/^---\n/, '---\ndraft: true\n'));
    expect((await runCli(['build', '--drafts'], { cwd: project, env: { HEALTHMD_NOW: SAMPLE_NOW } })).code).toBe(0);
    server = await serveFolder(path.join(project, 'public'));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('fills a desktop screen with the index’s posts, as wide as the header, with no empty third', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${base}/`);
    const header = (await page.locator('.site-header__inner').boundingBox())!;
    const cards = await page.locator('.post-card').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().right));
    // The header's content and the list end at the same edge (within the header's padding).
    expect(Math.max(...cards)).toBeGreaterThan(header.x + header.width - 40);
    // Several posts side by side on the first screen, not one column.
    const tops = await page.locator('.post-card').evaluateAll((nodes) => nodes.map((n) => Math.round(n.getBoundingClientRect().top)));
    expect(tops.filter((top) => top === tops[0]).length).toBeGreaterThan(1);
    await page.setViewportSize({ width: 390, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('shows a draft’s banner on the first screen, accessibly', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${base}/articles/hospital-rehab/`);
    const banner = page.locator('.draft-banner');
    await expect(banner.isVisible()).resolves.toBe(true);
    const box = (await banner.boundingBox())!;
    expect(box.y + box.height).toBeLessThan(900);
    expect(await banner.innerText()).toMatch(/^DRAFT\b/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${base}/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from './support/chromium.js';
import { runCli, tempProject } from '../e2e/helpers.js';

/** Raw HTML that takes `fnref-1` makes the whole body pass the sanitizer, and the notes take other ids. */
const ARTICLE = `---
title: Vitamin D in winter
description: Most people get enough vitamin D from sunlight in summer. Learn who should take a supplement in winter.
date: 2024-05-08
author: Priya Shah
---

From October to March the sun is too weak for the skin to make vitamin D.[^sacn]

<p id="fnref-1">Adults should consider <b>10 micrograms</b> a day.</p>

${'Sunlight in summer is enough for most people.\n\n'.repeat(40)}
People who stay indoors need a supplement all year.[^sacn]

[^sacn]: Scientific Advisory Committee on Nutrition. Vitamin D and health. 2016.
`;

describe.skipIf(!hasChromium)('footnotes in a real browser (html: sanitize)', () => {
  let browser: Browser;
  let page: string;

  beforeAll(async () => {
    const project = tempProject({ 'healthmd.config.yaml': 'site:\n  baseUrl: https://example.org/\n', 'articles/vitamin-d.md': ARTICLE });
    const exported = await runCli(['export', '--out', 'bundle', '--skip-lint'], { cwd: project, env: { HEALTHMD_NOW: '2024-06-01' } });
    expect(exported.code).toBe(0);
    page = pathToFileURL(path.join(project, 'bundle/articles/vitamin-d/index.html')).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('goes from each reference to its note and back, by click', async () => {
    const tab = await browser.newPage({ viewport: { width: 390, height: 700 } });
    await tab.goto(page);
    const references = tab.getByRole('link', { name: 'Footnote 1' });
    expect(await references.count()).toBe(2);
    await references.nth(1).click();
    const note = tab.locator('.footnotes li').first();
    expect(await tab.evaluate(() => location.hash)).toBe(`#${await note.getAttribute('id')}`);
    expect(await note.isVisible()).toBe(true);
    expect(await note.evaluate((li) => li.matches(':target'))).toBe(true);
    expect(await note.innerText()).toContain('Scientific Advisory Committee on Nutrition');
    // The notes' heading is for screen readers: in the accessibility tree, not on screen.
    expect(await tab.getByRole('heading', { name: 'Footnotes' }).count()).toBe(1);
    await tab.getByRole('link', { name: 'Back to reference 1-2' }).click();
    const second = references.nth(1);
    expect(await second.evaluate((a) => a.matches(':target'))).toBe(true);
    expect(await second.isVisible()).toBe(true);
    // The raw paragraph kept its own id, and no reference landed on it.
    expect(await tab.locator('#fnref-1').innerText()).toContain('10 micrograms');
    await tab.close();
  });
});

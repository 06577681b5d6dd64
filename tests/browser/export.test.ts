import { copyFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium } from './support/chromium.js';
import { runCli, tempProject } from '../e2e/helpers.js';
import { SAMPLE_NOW, sampleProject } from '../site/support/project.js';
import { tempFolder } from '../support/temp-folders.js';

if (!hasChromium) console.warn(`Skipping the export browser tests: ${CHROMIUM} is not installed (apt-get install chromium).`);

/** A 4×3 PNG written from its bytes, so a loaded image can be told apart from a broken one. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAKElEQVR4nAXBgQAAAAzDsOIM4hDDOdghivUEQUZWDoMZs+aw2LFr7wEYNg95p5olrgAAAABJRU5ErkJggg==', 'base64');

/** Two lint-clean articles that show images: a shared one (also the hero image) and one beside its article. */
function imageProject(): string {
  const article = (front: string[], body: string[]) => ['---', ...front, '---', ...body, ''].join('\n');
  return tempProject({
    'healthmd.config.yaml': 'site:\n  title: Spine Clinic News\n  baseUrl: https://clinic.example.org/news/\ntypes:\n  news: {requiredSections: [], medical: false}\ndefaultType: news\n',
    'images/spine.png': PNG,
    'articles/guides/img/stretch.png': PNG,
    'articles/spine-care.md': article(
      [
        'title: Caring for your spine at work',
        'description: Simple ways to look after your back at a desk, with a diagram of how to sit and when to stand up.',
        'date: 2024-06-03',
        'author: Sam Lee',
        'image: ../images/spine.png',
        'imageAlt: A drawing of a spine',
        'tags: [back pain, work]',
      ],
      ['Sit with your feet flat.', '', '![A diagram of a good sitting position](../images/spine.png)', '', 'Our [stretching guide](guides/stretching.md) shows more.'],
    ),
    'articles/guides/stretching.md': article(
      [
        'title: Five stretches for your desk',
        'description: Short stretches that ease a stiff back and neck during a working day, with a picture of each one.',
        'date: 2024-05-20',
        'author: Sam Lee',
        'tags: [work]',
      ],
      ['Stand up once an hour.', '', '![A person stretching their arms above their head](img/stretch.png)', '', 'See [caring for your spine](../spine-care.md).'],
    ),
  });
}

async function exportTo(project: string, args: string[]): Promise<void> {
  const result = await runCli(['-C', project, 'export', ...args], { env: { HEALTHMD_NOW: SAMPLE_NOW } });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
}

/** Brings every image into view (they load lazily) and returns each one's natural width once settled: 0 when broken. */
async function imageWidths(page: Page): Promise<number[]> {
  return page.evaluate(async () => {
    const images = [...document.images];
    for (const img of images) img.scrollIntoView();
    await Promise.all(
      images.map((img) =>
        img.complete
          ? undefined
          : new Promise((resolve) => {
              img.addEventListener('load', resolve, { once: true });
              img.addEventListener('error', resolve, { once: true });
            }),
      ),
    );
    return images.map((img) => img.naturalWidth);
  });
}

/** Values the theme's stylesheet sets, read back as the browser applied them. */
async function appliedStyles(page: Page) {
  return page.evaluate(() => ({
    background: getComputedStyle(document.body).backgroundColor,
    header: getComputedStyle(document.querySelector('.site-header')!).borderBottomWidth,
    skipLink: getComputedStyle(document.querySelector('.skip-link')!).position,
  }));
}
const THEMED = { background: 'rgb(244, 247, 248)', header: '4px', skipLink: 'absolute' };

/**
 * Opens `index.html` of the bundle from disk and visits every page a link reaches (each link
 * followed from the page that holds it), checking images and styles on the way. Returns every
 * URL the browser requested and the pages visited.
 */
async function crawl(browser: Browser, bundle: string): Promise<{ requests: string[]; visited: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const start = pathToFileURL(path.join(bundle, 'index.html')).href;
  const visited = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    const url = queue.shift()!;
    await page.goto(url);
    expect(await appliedStyles(page), url).toEqual(THEMED);
    expect((await imageWidths(page)).filter((width) => width === 0), url).toEqual([]);
    const links = await page.evaluate(() => [...document.links].map((a) => a.href));
    for (const link of links) {
      if (!link.startsWith('file:')) continue;
      const file = link.split('#')[0];
      if (!visited.has(file)) {
        visited.add(file);
        queue.push(file);
      }
    }
  }
  await page.close();
  return { requests, visited: [...visited].map((url) => path.relative(bundle, new URL(url).pathname)).sort() };
}

describe.skipIf(!hasChromium)('an exported bundle in a real browser, from disk', () => {
  let browser: Browser;
  let sample: string;
  let images: string;

  beforeAll(async () => {
    sample = sampleProject();
    images = imageProject();
    await exportTo(sample, ['--out', 'handoff']);
    await exportTo(images, ['--out', 'handoff']);
    await exportTo(images, ['--out', 'single', '--single-file']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the sample index from file://, follows each post to its article and back, styled, without leaving the bundle', async () => {
    const bundle = path.join(sample, 'handoff');
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const index = pathToFileURL(path.join(bundle, 'index.html')).href;
    await page.goto(index);
    const titles = await page.locator('.post-card__title a').allTextContents();
    expect(titles).toHaveLength(6);
    for (const title of titles) {
      await page.locator('.post-card__title a', { hasText: title }).click();
      await page.waitForLoadState('load');
      expect(page.url()).toMatch(/^file:\/\/.*\/articles\/.+\/index\.html$/);
      expect((await page.locator('h1').textContent())?.trim()).toBe(title.trim());
      expect(await appliedStyles(page)).toEqual(THEMED);
      expect((await imageWidths(page)).filter((width) => width === 0)).toEqual([]);
      await page.goBack();
      expect(page.url()).toBe(index);
    }
    await page.close();
    const outside = requests.filter((url) => !url.startsWith(pathToFileURL(bundle).href + '/'));
    expect(outside).toEqual([]);
  });

  it('reaches every page of the sample bundle by its links, and requests nothing outside it', async () => {
    const bundle = path.join(sample, 'handoff');
    const { requests, visited } = await crawl(browser, bundle);
    expect(visited.filter((file) => file.startsWith('articles/'))).toHaveLength(6);
    expect(visited).toContain('tags/back-pain/index.html');
    expect(requests.filter((url) => !url.startsWith(pathToFileURL(bundle).href + '/'))).toEqual([]);
  });

  it('shows every image of a bundle with images, all loaded from inside it', async () => {
    const bundle = path.join(images, 'handoff');
    const { requests, visited } = await crawl(browser, bundle);
    expect(visited).toEqual(expect.arrayContaining(['articles/spine-care/index.html', 'articles/guides/stretching/index.html']));
    const pngs = new Set(requests.filter((url) => url.endsWith('.png')).map((url) => path.relative(bundle, new URL(url).pathname)));
    expect(pngs).toEqual(new Set(['assets/media/images/spine.png', 'assets/media/articles/guides/img/stretch.png']));
    expect(requests.filter((url) => !url.startsWith(pathToFileURL(bundle).href + '/'))).toEqual([]);

    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(bundle, 'articles/spine-care/index.html')).href);
    expect(await imageWidths(page)).toEqual([4, 4]);
    await page.close();
  });

  it('renders a single-file article alone, with the network blocked, with its styles and images', async () => {
    // Alone in a folder: nothing beside it could stand in for what it failed to inline.
    const lonely = realpathSync(tempFolder('healthmd-single-'));
    const file = path.join(lonely, 'spine-care.html');
    copyFileSync(path.join(images, 'single/articles/spine-care.html'), file);
    const document = pathToFileURL(file).href;
    const context = await browser.newContext();
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      if (route.request().url() === document) return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    await page.goto(document);
    expect(await appliedStyles(page)).toEqual(THEMED);
    expect(await imageWidths(page)).toEqual([4, 4]);
    expect(blocked).toEqual([]);
    await context.close();
  });
});

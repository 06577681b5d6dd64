import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium } from './support/chromium.js';
import { BIN, REPO, runCli } from '../e2e/helpers.js';
import { SAMPLE_NOW, sampleProject } from '../site/support/project.js';

const SHOTS = '/tmp/healthmd-shots';
if (!hasChromium) console.warn(`Skipping the serve browser tests: ${CHROMIUM} is not installed (apt-get install chromium).`);

const ARTICLE = 'articles/collaborative-care-back-pain.md';
const ARTICLE_PATH = '/articles/collaborative-care-back-pain/';
/** Allows for a loaded CI machine; on a quiet one a change shows in well under a second. */
const LIMIT_MS = 3000;

/** Polls the page (which reloads meanwhile) until `probe` is true; returns the milliseconds since `since`. */
async function timeUntil(page: Page, since: number, probe: () => boolean, what: string): Promise<number> {
  for (;;) {
    const elapsed = performance.now() - since;
    let done = false;
    try {
      done = await page.evaluate(probe);
    } catch {
      // The page was reloading: its old document is gone; ask the new one.
    }
    if (done) return performance.now() - since;
    if (elapsed > 2 * LIMIT_MS) throw new Error(`${what}: not seen within ${2 * LIMIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(REPO, 'node_modules/axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

function summary(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `${label}: ${sorted.map((ms) => Math.round(ms)).join(', ')} ms (median ${Math.round(median)}, max ${Math.round(sorted.at(-1)!)})`;
}

describe.skipIf(!hasChromium)('healthmd serve in a real browser', () => {
  let project: string;
  let original: string;
  let child: ChildProcessWithoutNullStreams;
  let stderr = '';
  let url: string;
  let browser: Browser;
  let page: Page;
  let exited: Promise<number>;
  const measured: Record<string, number[]> = { edit: [], 'lint error shown': [], 'lint error cleared': [] };
  const article = () => path.join(project, ARTICLE);

  /** Opens the article and waits until its reload stream is connected. */
  async function open(): Promise<void> {
    const subscribed = page.waitForResponse((response) => response.url().includes('/__healthmd/events'));
    await page.goto(`${url}${ARTICLE_PATH.slice(1)}`);
    await subscribed;
  }

  beforeAll(async () => {
    project = sampleProject();
    original = readFileSync(article(), 'utf8');
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      cwd: project,
      env: { ...process.env, NO_COLOR: '1', HEALTHMD_NOW: SAMPLE_NOW },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    exited = new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`serve printed no address; stderr: ${stderr}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const match = /Serving (http:\/\/\S+) — Ctrl-C to stop/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) child.kill('SIGKILL');
    for (const [label, samples] of Object.entries(measured)) if (samples.length) console.log(summary(`serve: ${label}`, samples));
  });

  it('serves an article page with the reload script and no findings panel, free of accessibility violations', async () => {
    await open();
    expect(await page.locator('h1').first().textContent()).toContain('Collaborative Care for Your Back Pain');
    expect(await page.locator('#healthmd-overlay').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  it(`shows an edit made on disk within ${LIMIT_MS / 1000} s, every time`, async () => {
    await open();
    for (const word of ['first', 'second', 'third', 'fourth', 'fifth']) {
      const wanted = `share one ${word} plan`;
      const started = performance.now();
      writeFileSync(article(), original.replace('share one plan', wanted));
      const ms = await timeUntil(page, started, new Function(`return document.body.innerText.includes(${JSON.stringify(wanted)})`) as () => boolean, wanted);
      measured.edit.push(ms);
      expect(ms, wanted).toBeLessThan(LIMIT_MS);
    }
  });

  it('shows a lint error in the overlay when the Sources section is removed, and clears it when it is fixed', async () => {
    writeFileSync(article(), original);
    await timeUntil(page, performance.now(), () => document.body.innerText.includes('share one plan'), 'the original text');
    await open();

    let started = performance.now();
    writeFileSync(article(), original.replace(/^## Sources\n[\s\S]*?(?=^## Disclaimer)/m, ''));
    let ms = await timeUntil(page, started, () => document.querySelector('#healthmd-overlay [data-rule="sources-present"]') !== null, 'the sources-present finding');
    measured['lint error shown'].push(ms);
    expect(ms).toBeLessThan(LIMIT_MS);

    const panel = page.locator('#healthmd-overlay');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.getAttribute('aria-labelledby')).toBe('healthmd-overlay-title');
    expect(await page.locator('#healthmd-overlay-title').textContent()).toContain(ARTICLE);
    const item = panel.locator('[data-rule="sources-present"]');
    expect(await item.getAttribute('data-line')).toMatch(/^\d+$/);
    expect(await item.textContent()).toContain('sources-present');
    // Fixed, above the page, and every part of it readable (axe checks colour contrast too).
    expect(await panel.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'serve-overlay-desktop.png') });
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await panel.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SHOTS, 'serve-overlay-phone.png') });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Dismissible with the button or Escape; the reopen button brings it back.
    await panel.locator('.healthmd-overlay__close').click();
    expect(await panel.isHidden()).toBe(true);
    const reopen = page.locator('#healthmd-overlay-reopen button');
    expect(await reopen.isVisible()).toBe(true);
    await reopen.click();
    expect(await panel.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await panel.isHidden()).toBe(true);
    await reopen.click();

    started = performance.now();
    writeFileSync(article(), original);
    ms = await timeUntil(page, started, () => document.querySelector('#healthmd-overlay') === null && document.body.innerText.includes('share one plan'), 'the overlay clearing');
    measured['lint error cleared'].push(ms);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it('refuses a second server on the same port with exit 2 and says what to do', async () => {
    const port = new URL(url).port;
    const result = await runCli(['serve', '--port', port], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is in use: pass --port N`);
  });

  it('stops on Ctrl-C (SIGINT) with exit 0', async () => {
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(existsSync(path.join(project, 'public'))).toBe(false);
  });
});

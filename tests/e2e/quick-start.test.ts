import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, REPO, runCli } from './helpers.js';
import { SAMPLE_NOW, sampleProject } from '../site/support/project.js';

/** The README's Quick start section, as a newcomer reads it. */
const quickStart = (() => {
  const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Quick start\n');
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
})();

/** The href and src values of a page's elements. */
const targets = (html: string) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1].replaceAll('&amp;', '&'));

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('the README quick start', () => {
  it('keeps its two set-up commands', () => {
    const block = /```sh\n([\s\S]*?)```/.exec(quickStart)?.[1] ?? '';
    const commands = block.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean);
    expect(commands).toEqual(['npm install && npx healthmd build', 'npm test']);
  });

  it('shows the sample site the way it says: through the preview it names, every page and stylesheet found', async () => {
    // A built site's links start at the site root, so it cannot be opened from disk: the README must not say to.
    expect(quickStart).not.toMatch(/[Oo]pen `public\//);
    const command = /run `npx healthmd (serve[^`]*)` and open the address it prints/.exec(quickStart);
    expect(command).not.toBeNull();

    const project = sampleProject();
    expect((await runCli(['build'], { cwd: project, env: { HEALTHMD_NOW: SAMPLE_NOW } })).code).toBe(0);
    // Port 0: a test cannot count on 4000 being free.
    const child = spawn(process.execPath, [BIN, ...command![1].split(' '), '--port', '0'], { cwd: project, env: { ...process.env, NO_COLOR: '1', HEALTHMD_NOW: SAMPLE_NOW } });
    children.push(child);
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (match) resolve(match[1]);
      });
      child.on('close', (code) => reject(new Error(`serve exited with ${code}`)));
    });
    const index = await (await fetch(url)).text();
    expect(index).toContain('Collaborative Care for Your Back Pain');
    const local = [...new Set(targets(index).filter((t) => t.startsWith('/') && !t.startsWith('//')))];
    expect(local.some((t) => t.endsWith('.css'))).toBe(true);
    expect(local.filter((t) => t.startsWith('/articles/')).length).toBeGreaterThanOrEqual(5);
    for (const target of local) expect([target, (await fetch(new URL(target, url))).status]).toEqual([target, 200]);
  });

  it('names an export that opens from disk: relative links to files that are there', async () => {
    const command = /`npx healthmd (export --out (\S+))` writes a copy that does \(open\s+`\2\/index\.html`\)/.exec(quickStart);
    expect(command).not.toBeNull();
    const project = sampleProject();
    expect((await runCli(command![1].split(' '), { cwd: project, env: { HEALTHMD_NOW: SAMPLE_NOW } })).code).toBe(0);
    const index = path.join(project, command![2], 'index.html');
    const links = targets(readFileSync(index, 'utf8')).filter((t) => !/^[a-z]+:|^#/.test(t));
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect([link, existsSync(path.join(path.dirname(index), decodeURI(link.split('#')[0])))]).toEqual([link, true]);
  });
});

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempProject } from './helpers.js';
import { generateCorpus } from '../site/support/corpus.js';
import { listFiles } from '../site/support/project.js';

const env = { HEALTHMD_NOW: '2027-01-01' };

function digest(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [file, createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')]));
}

describe('a build killed midway', () => {
  it('leaves the previous output exactly as it was, and the next build recovers', async () => {
    const project = await generateCorpus(path.join(tempProject(), 'site'), 500);
    const first = await runCli(['build', '--skip-lint', '--quiet'], { cwd: project, env, timeout: 60_000 });
    expect(first.code).toBe(0);
    const publicDir = path.join(project, 'public');
    const before = digest(publicDir);
    expect(before.size).toBeGreaterThan(500);

    // Change every article so the next build would rewrite every page.
    const articles = listFiles(path.join(project, 'articles'));
    for (const file of articles) {
      const full = path.join(project, 'articles', file);
      writeFileSync(full, readFileSync(full, 'utf8').replace(/^title: "/m, 'title: "Revised: '));
    }

    const child = spawn(process.execPath, [BIN, 'build', '--skip-lint', '--quiet'], { cwd: project, env: { ...process.env, ...env }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let running = true;
    void exited.then(() => (running = false));
    // Wait until the new site is half-written in its staging folder beside public/, then kill.
    let staged = 0;
    while (running) {
      const staging = readdirSync(project).find((name) => name.startsWith('.public.healthmd-build-'));
      staged = staging ? countFiles(path.join(project, staging)) : 0;
      if (staged > 100) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(running, 'the build finished before it could be killed').toBe(true);
    child.kill('SIGKILL');
    await exited;

    const after = digest(publicDir);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [file, hash] of before) expect(after.get(file), file).toBe(hash);

    const next = await runCli(['build', '--skip-lint', '--quiet'], { cwd: project, env, timeout: 60_000 });
    expect(next.code).toBe(0);
    expect(readFileSync(path.join(publicDir, 'index.html'), 'utf8')).toContain('Revised: ');
    // The killed build's staging folder is swept (in the background) by the next build.
    for (let i = 0; i < 200 && readdirSync(project).some((name) => name.includes('.healthmd-')); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(readdirSync(project).filter((name) => name.includes('.healthmd-'))).toEqual([]);
  }, 120_000);
});

function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

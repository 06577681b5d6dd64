import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempProject } from './helpers.js';
import { generateCorpus } from '../site/support/corpus.js';
import { listFiles, SAMPLE_NOW, sampleProject } from '../site/support/project.js';

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

describe('an output caught between the two renames of its swap', () => {
  // What a SIGKILL between the renames leaves: the old output aside under its "old" name and no
  // output folder. The process id in the name is this test's, which is alive: ids are reused, and
  // only the output's lock says whether a run is still at work.
  const aside = (project: string, base: string) => path.join(project, `.${base}.healthmd-old-${process.pid}-k1ll3d`);
  const sampleEnv = { HEALTHMD_NOW: SAMPLE_NOW };

  it('build puts the previous output back, keeps what the user added to it, and builds', async () => {
    const project = sampleProject();
    expect((await runCli(['build'], { cwd: project, env: sampleEnv })).code).toBe(0);
    const publicDir = path.join(project, 'public');
    writeFileSync(path.join(publicDir, 'CNAME'), 'health.example.org\n');
    renameSync(publicDir, aside(project, 'public'));

    const result = await runCli(['build'], { cwd: project, env: sampleEnv });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(publicDir, 'CNAME'), 'utf8')).toBe('health.example.org\n');
    expect(existsSync(path.join(publicDir, 'index.html'))).toBe(true);
    expect(existsSync(aside(project, 'public'))).toBe(false);
  }, 60_000);

  it('export puts its previous bundle back before replacing it', async () => {
    const project = sampleProject();
    expect((await runCli(['export', '--out', 'bundle'], { cwd: project, env: sampleEnv })).code).toBe(0);
    const bundle = path.join(project, 'bundle');
    writeFileSync(path.join(bundle, 'README.txt'), 'open index.html\n');
    renameSync(bundle, aside(project, 'bundle'));

    const result = await runCli(['export', '--out', 'bundle'], { cwd: project, env: sampleEnv });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(bundle, 'README.txt'), 'utf8')).toBe('open index.html\n');
    expect(existsSync(aside(project, 'bundle'))).toBe(false);
  }, 60_000);

  it('serve, which never writes the output, says where the previous output is and how to get it back', async () => {
    const project = sampleProject();
    expect((await runCli(['build'], { cwd: project, env: sampleEnv })).code).toBe(0);
    renameSync(path.join(project, 'public'), aside(project, 'public'));

    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { cwd: project, env: { ...process.env, ...sampleEnv, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    for (const started = Date.now(); !stdout.includes('Serving ') && child.exitCode === null && Date.now() - started < 15_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('Serving ');
    expect(stderr).toBe(
      `healthmd: warning: public is missing: a build was killed while replacing it, and the previous output is in .public.healthmd-old-${process.pid}-k1ll3d; 'healthmd build' puts it back (or rename that folder to public)\n`,
    );
    // Left as it was: serve renders in memory and writes nothing.
    expect(existsSync(aside(project, 'public'))).toBe(true);
    expect(existsSync(path.join(project, 'public'))).toBe(false);
  }, 60_000);
});

function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

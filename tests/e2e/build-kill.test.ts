import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, watch, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
    // Until serve listens (and handles Ctrl-C): on a loaded 2-core machine its first render took over 15 s.
    for (const started = Date.now(); !stdout.includes('Serving ') && child.exitCode === null && Date.now() - started < 45_000; ) {
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

/**
 * The kill loop: each command is started on a few hundred articles and SIGKILLed at a random
 * moment (seeded, so a failure happens again on the next run), several times. Every article file
 * is then the bytes it had or the complete intended result, and the output folder is the previous
 * complete output or the new complete one.
 */
const KILLS = 5;
const ARTICLES = 200;

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Runs the command to its end and returns how long that took (the span a kill is drawn from). */
async function timedRun(args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  const result = await runCli(args, { cwd, env, timeout: 60_000 });
  expect(result.code, result.stderr).toBeLessThan(2);
  return performance.now() - started;
}

/** Starts the command and SIGKILLs it after `delayMs`, unless it finished first. */
async function killAfter(args: string[], cwd: string, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, delayMs))]);
  child.kill('SIGKILL');
  await exited;
}

/**
 * Runs the command to its end, noting when it wrote its first and its last file under `folder`:
 * review and lint --fix read and check everything first and write in a burst at the end, which a
 * kill drawn from the whole run would seldom hit.
 */
async function writeWindow(args: string[], cwd: string, folder: string): Promise<number> {
  const changes: number[] = [];
  const watcher = watch(folder, { recursive: true }, () => changes.push(performance.now()));
  try {
    await timedRun(args, cwd);
    await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    watcher.close();
  }
  expect(changes.length, 'the command wrote nothing').toBeGreaterThan(0);
  return changes[changes.length - 1] - changes[0];
}

/** Starts the command and SIGKILLs it `delayMs` after its first write under `folder`. */
async function killDuringWrites(args: string[], cwd: string, folder: string, delayMs: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(folder, { recursive: true }, () => {
    timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs);
  });
  await exited;
  watcher.close();
  clearTimeout(timer);
}

/** Temporary files of an atomic write a kill left beside an article: lint does not read them, the next write there removes them. */
const TEMPORARY = /(^|\/)\.[^/]+\.md\.\d+\.[0-9a-z]+\.tmp$/;

describe.each([
  ['build', ['build', '--skip-lint', '--quiet'], 'public'],
  ['export', ['export', '--out', 'bundle', '--skip-lint', '--quiet'], 'bundle'],
])('%s killed at random moments', (_name, args, out) => {
  it(`leaves the previous complete output or the new complete one, ${KILLS} times`, async () => {
    const random = seeded(out === 'public' ? 1 : 2);
    const project = await generateCorpus(path.join(tempProject(), 'site'), ARTICLES);
    const outDir = path.join(project, out);
    const span = await timedRun(args, project);
    let previous = digest(outDir);
    const articles = listFiles(path.join(project, 'articles'));
    for (let kill = 1; kill <= KILLS; kill++) {
      for (const file of articles) {
        const full = path.join(project, 'articles', file);
        writeFileSync(full, readFileSync(full, 'utf8').replace(/^title: "(Revised \d+: )?/m, `title: "Revised ${kill}: `));
      }
      await killAfter(args, project, random() * span * 1.2);
      // Caught between the two renames of the swap, the previous output is aside, whole.
      const left = existsSync(outDir) ? digest(outDir) : digest(halfSwappedFolder(project, out));
      if (same(left, previous)) continue;
      // Anything else must be the complete new output: what a run to the end makes of the same
      // articles (a build is byte-for-byte reproducible).
      expect(existsSync(outDir), `kill ${kill}: ${out}/ is missing though the swap was done`).toBe(true);
      await timedRun(args, project);
      const complete = digest(outDir);
      expect(same(left, complete), `kill ${kill}: neither the previous output nor the new one`).toBe(true);
      previous = complete;
    }
    // A run to the end after the kills makes the output of the articles as they are now.
    await timedRun(args, project);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain(`Revised ${KILLS}: `);
    expect(readdirSync(project).filter((name) => name.startsWith(`.${out}.healthmd-old-`))).toEqual([]);
  }, 180_000);
});

function same(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([file, hash]) => b.get(file) === hash);
}

function halfSwappedFolder(project: string, out: string): string {
  const aside = readdirSync(project).find((name) => name.startsWith(`.${out}.healthmd-old-`));
  expect(aside, `${out}/ is missing and nothing was set aside`).toBeDefined();
  return path.join(project, aside!);
}

describe.each([
  ['lint --fix', ['lint', '--fix', '--quiet']],
  ['review', ['review', 'articles', '--by', 'Dr. Ama Owusu, MBChB', '--date', '2026-12-01']],
])('%s killed at random moments', (name, args) => {
  it(`leaves every article as it was or as the command makes it, ${KILLS} times`, async () => {
    const random = seeded(name === 'review' ? 3 : 4);
    const project = await generateCorpus(path.join(tempProject(), 'site'), ARTICLES);
    const articlesDir = path.join(project, 'articles');
    if (name === 'lint --fix') {
      // A disclaimer to insert in every article: a fix that rewrites each file.
      for (const file of listFiles(articlesDir)) {
        const full = path.join(articlesDir, file);
        writeFileSync(full, readFileSync(full, 'utf8').replace(/\n## Disclaimer\n[\s\S]*$/, '\n'));
      }
    }
    const original = new Map(listFiles(articlesDir).map((file) => [file, readFileSync(path.join(articlesDir, file))]));
    const reference = path.join(path.dirname(project), 'reference');
    cpSync(project, reference, { recursive: true });
    const window = await writeWindow(args, reference, path.join(reference, 'articles'));
    const intended = new Map(listFiles(path.join(reference, 'articles')).map((file) => [file, readFileSync(path.join(reference, 'articles', file))]));
    expect([...intended].filter(([file, bytes]) => !bytes.equals(original.get(file)!)).length, 'the command changes every article').toBe(ARTICLES);

    const restore = () => {
      for (const [file, bytes] of original) writeFileSync(path.join(articlesDir, file), bytes);
    };
    for (let kill = 1; kill <= KILLS; kill++) {
      restore();
      await killDuringWrites(args, project, articlesDir, random() * window);
      const files = listFiles(articlesDir);
      expect(files.filter((file) => !original.has(file) && !TEMPORARY.test(file)), `kill ${kill}: files that are not articles`).toEqual([]);
      for (const [file, bytes] of original) {
        const now = readFileSync(path.join(articlesDir, file));
        expect(now.equals(bytes) || now.equals(intended.get(file)!), `kill ${kill}: ${file} is neither as it was nor as intended`).toBe(true);
      }
    }
    // The next run to its end gets every file to the intended bytes and clears what the kills left.
    restore();
    await timedRun(args, project);
    expect(listFiles(articlesDir)).toEqual([...original.keys()]);
    for (const [file, bytes] of intended) expect(readFileSync(path.join(articlesDir, file)).equals(bytes), file).toBe(true);
    rmSync(reference, { recursive: true, force: true });
  }, 180_000);
});

function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cleanArticle, REPO, runCli, tempProject } from './helpers.js';

const NOW = { HEALTHMD_NOW: '2024-06-01' };

/** dist/'s JavaScript when issue 13 was filed: the bundle must not grow past it. */
const BUNDLE_BUDGET = 1_224_457;

/**
 * A preload that records every worker thread the CLI starts (its script and role) in $THREAD_LOG,
 * one JSON line each, by wrapping the Worker class the bundle reads from node:worker_threads.
 */
const PRELOAD = `
const threads = require('node:worker_threads');
const { appendFileSync } = require('node:fs');
const { fileURLToPath } = require('node:url');
const Worker = threads.Worker;
threads.Worker = class extends Worker {
  constructor(script, options) {
    super(script, options);
    const file = script instanceof URL ? fileURLToPath(script) : String(script);
    appendFileSync(process.env.THREAD_LOG, JSON.stringify({ file, role: options?.workerData?.healthmdRole ?? null }) + '\\n');
  }
};
`;

/** Runs the CLI in `dir` with the preload; returns its result and the threads it started. */
async function runRecordingThreads(args: string[], dir: string, env: Record<string, string> = {}) {
  const preload = path.join(dir, 'record-threads.cjs');
  const log = path.join(dir, 'threads.jsonl');
  writeFileSync(preload, PRELOAD);
  writeFileSync(log, '');
  const result = await runCli(args, { cwd: dir, env: { ...NOW, ...env, NODE_OPTIONS: `--require ${preload}`, THREAD_LOG: log } });
  const threads = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { file: string; role: string | null });
  return { result, threads };
}

const project = () =>
  tempProject({
    'articles/a.md': cleanArticle('First Steps With Back Pain'),
    'articles/b.md': cleanArticle('Second Steps With Back Pain'),
    'articles/c.md': cleanArticle('Third Steps With Back Pain'),
  });

const WRITER = path.join(REPO, 'dist', 'write-worker.cjs');

describe('one bundle for every thread that runs healthmd', () => {
  it('dist/ holds the bundle and the file writer, together no larger than the bundle was when issue 13 was filed', () => {
    const scripts = readdirSync(path.join(REPO, 'dist')).filter((name) => /\.[cm]?js$/.test(name));
    expect(scripts.sort()).toEqual(['cli.cjs', 'write-worker.cjs']);
    const size = (name: string) => statSync(path.join(REPO, 'dist', name)).size;
    expect(size('cli.cjs') + size('write-worker.cjs')).toBeLessThanOrEqual(BUNDLE_BUDGET);
    // The writer is its system calls only: no copy of healthmd's modules or packages.
    expect(size('write-worker.cjs')).toBeLessThan(8 * 1024);
    expect([...readFileSync(WRITER, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]).sort()).toEqual(['node:fs', 'node:worker_threads']);
  });

  it("holds liquidjs's ES module, whose functions a page calls directly, not its CommonJS file behind esbuild's getters", () => {
    const { sources } = JSON.parse(readFileSync(path.join(REPO, 'dist', 'cli.cjs.map'), 'utf8')) as { sources: string[] };
    const liquid = sources.filter((source) => source.includes('node_modules/liquidjs/'));
    expect(liquid).toEqual([expect.stringMatching(/liquidjs\/dist\/liquid\.node\.mjs$/)]);
  });

  it('build writes a large site on a thread of its own small bundle, not a second copy of the CLI', async () => {
    const articles: Record<string, string> = {};
    for (let i = 1; i <= 80; i++) articles[`articles/a${i}.md`] = cleanArticle(`Back Pain Part ${i}`);
    const dir = tempProject(articles);
    const { result, threads } = await runRecordingThreads(['build'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(threads).toEqual([{ file: WRITER, role: 'write' }]);
    for (let i = 1; i <= 80; i++) expect(existsSync(path.join(dir, 'public', 'articles', `a${i}`, 'index.html'))).toBe(true);
  });

  it('writes a page of over a million characters itself, after what the writer thread was sent, whole', async () => {
    const articles: Record<string, string> = {};
    for (let i = 1; i <= 80; i++) articles[`articles/a${i}.md`] = cleanArticle(`Back Pain Part ${i}`);
    // Written after the writer thread started (it starts after 128 operations): in the middle of the articles.
    const paragraphs = Array.from({ length: 15000 }, (_, i) => `Paragraph ${i} says a walk each day helps most people with back pain.`);
    articles['articles/a50.md'] = cleanArticle('Back Pain Part 50', { body: `\n${paragraphs.join('\n\n')}\n\nThe last paragraph.\n` });
    const dir = tempProject(articles);
    const { result, threads } = await runRecordingThreads(['build'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(threads).toEqual([{ file: WRITER, role: 'write' }]);
    const page = readFileSync(path.join(dir, 'public', 'articles', 'a50', 'index.html'), 'utf8');
    expect(page.length).toBeGreaterThan(2 ** 20);
    expect(page).toContain('<p>Paragraph 14999 says a walk each day helps most people with back pain.</p>');
    expect(page).toContain('The last paragraph.');
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    for (let i = 1; i <= 80; i++) expect(existsSync(path.join(dir, 'public', 'articles', `a${i}`, 'index.html'))).toBe(true);
  });

  it('build writes a small site without starting a thread, which would take longer to start than the writing', async () => {
    const dir = project();
    const { result, threads } = await runRecordingThreads(['build'], dir);
    expect(result.code).toBe(0);
    expect(threads).toEqual([]);
    for (const name of ['a', 'b', 'c']) expect(existsSync(path.join(dir, 'public', 'articles', name, 'index.html'))).toBe(true);
  });

  it("lint's worker threads run the bundle too, and report what one thread reports", async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'articles', 'c.md'), cleanArticle('Third Steps With Back Pain', { body: '\nThis is a miracle cure.\n' }));
    // --no-cache: the second run must lint the files, not answer from the first run's cache.
    const one = await runCli(['lint', '--no-cache', '--format', 'json'], { cwd: dir, env: { ...NOW, HEALTHMD_WORKERS: '1' } });
    const { result, threads } = await runRecordingThreads(['lint', '--no-cache', '--format', 'json'], dir, { HEALTHMD_WORKERS: '2' });
    expect(threads).toEqual([
      { file: BIN, role: 'lint' },
      { file: BIN, role: 'lint' },
    ]);
    expect(result.stdout).toBe(one.stdout);
    expect(result.code).toBe(one.code);
    expect(result.stdout).toContain('no-absolute-claims');
  });

  it("with --debug, an internal error's stack trace from a lint thread points at src/", async () => {
    const dir = project();
    // A preload that spoils each lint thread's task (files that are not a list), so the thread fails inside healthmd.
    const spoil = path.join(dir, 'spoil-task.cjs');
    writeFileSync(spoil, "const t = require('node:worker_threads'); if (!t.isMainThread) (t.workerData.data ?? t.workerData).files = 42;\n");
    const run = (args: string[]) => runCli(args, { cwd: dir, env: { ...NOW, HEALTHMD_WORKERS: '2', NODE_OPTIONS: `--require ${spoil}` } });
    const debug = await run(['lint', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^healthmd: internal error: /);
    expect(debug.stderr).toContain(`(${path.join(REPO, 'src', 'lint', 'lint-worker.ts')}:`);
    const plain = await run(['lint']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).not.toMatch(/\n\s+at /);
  });
});

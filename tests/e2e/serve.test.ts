import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runCli } from './helpers.js';
import { listFiles, SAMPLE_NOW, sampleProject } from '../site/support/project.js';

interface Running {
  child: ChildProcessWithoutNullStreams;
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (-1 when killed by a signal) and how long after `since` it came. */
  exited: Promise<{ code: number; signal: NodeJS.Signals | null; at: number }>;
}

const running: Running[] = [];

/** Spawns `healthmd serve ...args` in `cwd` and waits for the address it prints. */
async function serve(cwd: string, args: string[] = ['--port', '0']): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, HEALTHMD_NOW: SAMPLE_NOW },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, at: performance.now() })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed within 15 s; stderr: ${stderr}`)), 15_000);
    const look = () => {
      const match = /Serving (http:\/\/\S+) — Ctrl-C to stop\n/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', look);
    void exited.then(({ code }) => reject(new Error(`serve exited with ${code} before printing its address; stderr: ${stderr}`)));
  });
  const server: Running = { child, url, stdout: () => stdout, stderr: () => stderr, exited };
  running.push(server);
  return server;
}

afterEach(() => {
  for (const server of running.splice(0)) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
});

/** A port that is taken for as long as the returned server lives. */
async function takenPort(): Promise<{ port: number; close: () => Promise<void> }> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const address = blocker.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => blocker.close(() => resolve())) };
}

describe('healthmd serve (the command)', () => {
  it('prints its address and serves the site on loopback', async () => {
    const project = sampleProject();
    const server = await serve(project);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await new Promise((r) => setTimeout(r, 100));
    expect(server.stdout().split('\n')).toEqual([`Serving ${server.url} — Ctrl-C to stop`, expect.stringMatching(/^\d+ articles: \d+ errors?, \d+ warnings?; each page shows its own findings$/), '']);
    const page = await fetch(`${server.url}articles/collaborative-care-back-pain/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('new EventSource(');
    server.child.kill('SIGINT');
    await server.exited;
  });

  it('prints a line for each update that changed pages', async () => {
    const project = sampleProject();
    const server = await serve(project);
    const file = path.join(project, 'articles/hospital-rehab.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^## Sources$/m, '## Reading'));
    const started = Date.now();
    while (!server.stdout().includes('Updated ') && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 25));
    expect(server.stdout()).toMatch(/^Updated articles\/hospital-rehab\.md in \d+ ms \(1 page; [1-9]\d* errors?, \d+ warnings?\)$/m);
    server.child.kill('SIGINT');
    expect((await server.exited).code).toBe(0);
  });

  it('says a changed config file needs a restart', async () => {
    const project = sampleProject();
    const server = await serve(project);
    const config = path.join(project, 'healthmd.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('Collaborative Care Health Library', 'Health Library'));
    const started = Date.now();
    while (!server.stderr().includes('changed') && Date.now() - started < 5000) await new Promise((r) => setTimeout(r, 25));
    expect(server.stderr()).toMatch(/^healthmd: warning: healthmd\.config\.yaml changed: stop healthmd serve \(Ctrl-C\) and start it again/m);
    expect(server.stderr().match(/changed:/g)).toHaveLength(1);
    server.child.kill('SIGINT');
    expect((await server.exited).code).toBe(0);
  });

  it('keeps serving with a broken template, naming it on stderr and in the page', async () => {
    const project = sampleProject({ 'templates/tag.liquid': "{% layout 'layout' %}\n{%- block main %}\n{% for post in posts %}\n{%- endblock %}\n" });
    const server = await serve(project);
    expect(server.stderr()).toMatch(/^healthmd: templates\/tag\.liquid:\d+:\d+: template error: /m);
    const page = await fetch(server.url);
    expect(page.status).toBe(500);
    expect(await page.text()).toContain('data-rule="template"');
    server.child.kill('SIGINT');
    expect((await server.exited).code).toBe(0);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('stops cleanly on %s: open event streams end, exit 0, nothing on stderr', async (signal) => {
    const project = sampleProject();
    const server = await serve(project);
    const events = await fetch(`${server.url}__healthmd/events?path=%2F&version=0`);
    const reader = events.body!.getReader();
    await reader.read();
    const sent = performance.now();
    server.child.kill(signal);
    const { code, at } = await server.exited;
    expect(code).toBe(0);
    expect(at - sent).toBeLessThan(3000);
    // The stream was ended by the server, not left hanging.
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return 'ended';
      })(),
    ).resolves.toBe('ended');
    expect(server.stderr()).toBe('');
    expect(existsSync(path.join(project, 'public'))).toBe(false);
  });

  it('exits 2 with a clear message when the port is in use', async () => {
    const blocker = await takenPort();
    try {
      const result = await runCli(['serve', '--port', String(blocker.port)], { cwd: sampleProject() });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`port ${blocker.port} on 127.0.0.1 is in use: pass --port N`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
    } finally {
      await blocker.close();
    }
  });

  it.each([['abc'], ['-1'], ['65536'], ['80.5']])('refuses --port %s with exit 2', async (port) => {
    const result = await runCli(['serve', '--port', port], { cwd: sampleProject() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port');
  });

  it('refuses an address that is not this machine with exit 2', async () => {
    const result = await runCli(['serve', '--port', '0', '--host', '192.0.2.1'], { cwd: sampleProject() });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot listen on 192.0.2.1: it is not an address of this machine');
  });

  it('exits 2 naming the folder when there is no articles folder', async () => {
    const project = sampleProject();
    rmSync(path.join(project, 'articles'), { recursive: true });
    const result = await runCli(['serve', '--port', '0'], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('articles: articles folder not found');
  });

  it('documents its flags and how drafts are treated in --help', async () => {
    const result = await runCli(['serve', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--port <n>[\s\S]*--host <address>[\s\S]*--drafts/);
    expect(result.stdout).toMatch(/Drafts are left out unless --drafts/);
    expect(result.stdout).toContain('(default: 4000)');
    expect(result.stdout).toContain('(default: "127.0.0.1")');
  });
});

describe('build and export, next to serve', () => {
  it.each([
    ['build', ['build'], 'public'],
    ['build --drafts', ['build', '--drafts', '--out', 'preview'], 'preview'],
    ['export', ['export', '--out', 'bundle'], 'bundle'],
    ['export --single-file', ['export', '--single-file', '--out', 'single'], 'single'],
  ])('%s writes neither the findings panel nor the reload script, even for pages with findings', async (_name, args, outDir) => {
    const project = sampleProject();
    // A warning (description-length) lets the build go ahead while serve would show a panel on this page.
    const file = path.join(project, 'articles/hospital-rehab.md');
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace(/^description: .*$/m, 'description: "Rehab in hospital."'));
    // And a draft, which serve --drafts marks with a note.
    writeFileSync(path.join(project, 'articles/draft-news.md'), source.replace('---\n', '---\ndraft: true\nslug: draft-news\n'));
    const result = await runCli(args, { cwd: project, env: { HEALTHMD_NOW: SAMPLE_NOW } });
    expect(result.code, result.stderr).toBe(0);
    const out = path.join(project, outDir);
    const pages = listFiles(out).filter((f) => /\.(html|xml|css|js)$/.test(f));
    expect(pages.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(3);
    for (const page of pages) {
      const text = readFileSync(path.join(out, page), 'utf8');
      expect(text, page).not.toContain('healthmd-overlay');
      expect(text, page).not.toContain('healthmd-draft');
      expect(text, page).not.toContain('__healthmd');
      expect(text, page).not.toContain('EventSource');
    }
  });
});

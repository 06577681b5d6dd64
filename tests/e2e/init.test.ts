import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEY, PtySession } from '../scaffold/pty-session.js';
import { REPO, runCli, tempProject } from './helpers.js';

const TODAY = '2024-05-08';
const env = { HEALTHMD_NOW: TODAY };

/** Every file under a folder with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, name);
    files.set(name, existsSync(file) && !isFolder(file) ? readFileSync(file).toString('base64') : '<folder>');
  }
  return files;
}

function isFolder(file: string): boolean {
  try {
    readdirSync(file);
    return true;
  } catch {
    return false;
  }
}

describe('healthmd init', () => {
  it('sets up a project whose only findings are the example author and reviewer, and lists what it created', async () => {
    const dir = tempProject();
    const result = await runCli(['init', '--yes'], { cwd: dir, env });
    expect(result.code).toBe(0);
    for (const file of ['healthmd.config.yaml', path.join('articles', 'lower-back-pain.md'), '.gitignore']) {
      expect(result.stdout).toContain(file);
      expect(existsSync(path.join(dir, file))).toBe(true);
    }
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir, env });
    // A site must not publish "Medically reviewed by Example Reviewer, MD": lint says so until real people stand there.
    const messages = JSON.parse(lint.stdout).flatMap((r: { messages: { ruleId: string; messageId?: string; line: number }[] }) => r.messages);
    expect(messages.map((m: { ruleId: string; line: number }) => `${m.ruleId}@${m.line}`)).toEqual(['no-placeholder@8', 'no-placeholder@16']);
    expect(lint.code).toBe(1);
    const file = path.join(dir, 'articles', 'lower-back-pain.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('author: Example Author', 'author: Sam Lee'));
    expect((await runCli(['review', 'articles/lower-back-pain.md', '--by', 'Dr Ana Ruiz, GP'], { cwd: dir, env })).code).toBe(0);
    const clean = await runCli(['lint', '--format', 'json'], { cwd: dir, env });
    expect(JSON.parse(clean.stdout).flatMap((r: { messages: unknown[] }) => r.messages)).toEqual([]);
    expect(clean.code).toBe(0);
  });

  it('creates the folder it is given', async () => {
    const parent = tempProject();
    expect((await runCli(['init', 'clinic/site', '--yes'], { cwd: parent, env })).code).toBe(0);
    expect(existsSync(path.join(parent, 'clinic', 'site', 'healthmd.config.yaml'))).toBe(true);
  });

  it('tells the user to change to the folder it set up before the next commands, and those commands work there', async () => {
    const parent = tempProject();
    const result = await runCli(['init', 'site', '--yes'], { cwd: parent, env });
    expect(result.stdout).toContain('Next: cd site   then   healthmd new "Your first article"   then   healthmd lint');
    expect((await runCli(['new', 'Your first article', '--yes'], { cwd: path.join(parent, 'site'), env })).code).toBe(0);
    expect(existsSync(path.join(parent, 'site', 'articles', 'your-first-article.md'))).toBe(true);
    // In the current folder there is nothing to change to.
    expect((await runCli(['init', '--yes'], { cwd: tempProject(), env })).stdout).toContain('\nNext: healthmd new "Your first article"');
  });

  it('run twice, changes nothing the second time and says what it left alone', async () => {
    const dir = tempProject({ '.gitignore': 'node_modules/\n' });
    const args = ['init', '--yes', '--templates', '--ci', 'github'];
    expect((await runCli(args, { cwd: dir, env })).code).toBe(0);
    const before = snapshot(dir);
    const again = await runCli(args, { cwd: dir, env: { HEALTHMD_NOW: '2025-02-03' } });
    expect(again.code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(again.stdout).not.toMatch(/Created|Updated/);
    expect(again.stdout).toContain('healthmd.config.yaml');
  });

  it('--templates copies the site and article templates, not its own files', async () => {
    const dir = tempProject();
    await runCli(['init', '--yes', '--templates'], { cwd: dir, env });
    const builtIn = readdirSync(path.join(REPO, 'templates'), { recursive: true, encoding: 'utf8' }).filter((name) => !name.startsWith('init'));
    const copied = readdirSync(path.join(dir, 'templates'), { recursive: true, encoding: 'utf8' });
    expect(copied.sort()).toEqual(builtIn.sort());
    expect(copied).toContain(path.join('articles', 'condition.md'));
  });

  it('--ci github writes a workflow that lints pull requests with annotations and SARIF', async () => {
    const dir = tempProject();
    await runCli(['init', '--yes', '--ci', 'github'], { cwd: dir, env });
    const workflow = parse(readFileSync(path.join(dir, '.github', 'workflows', 'healthmd.yml'), 'utf8'));
    const runs = workflow.jobs.lint.steps.map((step: { run?: string; uses?: string }) => step.run ?? step.uses);
    expect(runs).toEqual(expect.arrayContaining(['npx --no-install healthmd lint --format github --format sarif:healthmd.sarif']));
  });

  it("--ci github runs the project's own healthmd: npm ci first, and npx never fetches a package of that name", async () => {
    const dir = tempProject();
    await runCli(['init', '--yes', '--ci', 'github'], { cwd: dir, env });
    const workflow = parse(readFileSync(path.join(dir, '.github', 'workflows', 'healthmd.yml'), 'utf8'));
    const steps = workflow.jobs.lint.steps as { run?: string; if?: string }[];
    const install = steps.findIndex((step) => step.run === 'npm ci');
    expect(install).toBeGreaterThan(-1);
    expect(steps[install].if).toBeUndefined();
    const healthmd = steps.filter((step) => step.run?.includes('healthmd'));
    expect(healthmd.length).toBeGreaterThanOrEqual(1);
    for (const step of healthmd) {
      expect(step.run).toMatch(/^(npx --no-install healthmd|npm run) /);
      expect(steps.indexOf(step)).toBeGreaterThan(install);
    }

    // The example's author and reviewer fail the lint until real people stand there, as they should.
    const example = path.join(dir, 'articles', 'lower-back-pain.md');
    writeFileSync(example, readFileSync(example, 'utf8').replace('Example Author', 'Sam Lee').replace('Example Reviewer, MD', 'Dr Ana Ruiz, GP'));
    // The steps after npm ci, run as CI would in a project where healthmd is a dev dependency.
    mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(REPO, path.join(dir, 'node_modules', 'healthmd'));
    symlinkSync(path.join(REPO, 'bin', 'healthmd.js'), path.join(dir, 'node_modules', '.bin', 'healthmd'));
    for (const step of healthmd) {
      const ran = spawnSync('sh', ['-c', step.run!], { cwd: dir, env: { ...process.env, ...env, npm_config_offline: 'true' }, encoding: 'utf8' });
      expect([step.run, ran.status, ran.stderr]).toEqual([step.run, 0, '']);
    }
    expect(JSON.parse(readFileSync(path.join(dir, 'healthmd.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it("adds the healthmd scripts to an existing package.json, keeping the user's scripts and its formatting; creates none", async () => {
    const pkg = '{\n    "name": "clinic-site",\n    "scripts": {\n        "lint:articles": "my own lint",\n        "test": "echo ok"\n    }\n}\n';
    const dir = tempProject({ 'package.json': pkg });
    const result = await runCli(['init', '--yes'], { cwd: dir, env });
    expect(result.stdout).toContain(`package.json (added script build:site, script serve:site; kept its own lint:articles script instead of "healthmd lint")`);
    const text = readFileSync(path.join(dir, 'package.json'), 'utf8');
    expect(text).toBe(
      '{\n    "name": "clinic-site",\n    "scripts": {\n        "lint:articles": "my own lint",\n        "test": "echo ok",\n        "build:site": "healthmd build",\n        "serve:site": "healthmd serve"\n    }\n}\n',
    );
    // A second run changes nothing, and says again which script it kept.
    const again = await runCli(['init', '--yes'], { cwd: dir, env });
    expect(readFileSync(path.join(dir, 'package.json'), 'utf8')).toBe(text);
    expect(again.stdout).toContain(`package.json (kept its own lint:articles script instead of "healthmd lint")`);

    const fresh = tempProject({ 'package.json': '{"name":"x"}' });
    await runCli(['init', '--yes'], { cwd: fresh, env });
    expect(JSON.parse(readFileSync(path.join(fresh, 'package.json'), 'utf8')).scripts).toEqual({ 'lint:articles': 'healthmd lint', 'build:site': 'healthmd build', 'serve:site': 'healthmd serve' });

    const none = tempProject();
    await runCli(['init', '--yes'], { cwd: none, env });
    expect(existsSync(path.join(none, 'package.json'))).toBe(false);
  });

  it('refuses an unknown CI provider with exit 2 and writes nothing', async () => {
    const dir = tempProject();
    const result = await runCli(['init', '--yes', '--ci', 'gitlab'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('without a terminal, asks nothing and uses the defaults', async () => {
    const dir = tempProject();
    expect((await runCli(['init'], { cwd: dir, env })).code).toBe(0);
    expect(parse(readFileSync(path.join(dir, 'healthmd.config.yaml'), 'utf8')).site).toEqual({ title: 'Health articles', baseUrl: 'http://localhost:4000/', language: 'en-GB' });
  });
});

describe('healthmd init on a terminal', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.kill());

  it('asks for the site title, base URL and language, and checks them', async () => {
    const dir = tempProject();
    session = new PtySession(['init'], { cwd: dir, env });
    await session.answer('Site title', 'Riverside Clinic: Health A–Z');
    await session.answer('Base URL', 'not a url');
    await session.waitFor(/\n> \S/); // the validation message
    await session.type(KEY.backspace.repeat('not a url'.length));
    await session.type('https://riverside.example/health');
    await session.type(KEY.enter);
    await session.answer('Language', '');
    expect((await session.exited).exitCode).toBe(0);
    expect(parse(readFileSync(path.join(dir, 'healthmd.config.yaml'), 'utf8')).site).toEqual({
      title: 'Riverside Clinic: Health A–Z',
      baseUrl: 'https://riverside.example/health',
      language: 'en-GB',
    });
  });

  it('asks nothing when the project already has a config, which it keeps', async () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'site:\n  title: Mine\n' });
    session = new PtySession(['init'], { cwd: dir, env });
    expect((await session.exited).exitCode).toBe(0);
    expect(session.output).not.toContain('?');
    expect(readFileSync(path.join(dir, 'healthmd.config.yaml'), 'utf8')).toBe('site:\n  title: Mine\n');
  });

  it('Ctrl-C at a question exits 2 and writes nothing', async () => {
    const parent = tempProject();
    session = new PtySession(['init', 'site'], { cwd: parent, env });
    await session.waitFor('Site title');
    await session.type(KEY.ctrlC);
    expect((await session.exited).exitCode).toBe(2);
    expect(session.output).toContain('healthmd: cancelled; nothing was written');
    expect(readdirSync(parent)).toEqual([]);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle, runCli, tempProject } from './helpers.js';
import { listFiles } from '../site/support/project.js';

const NOW = { HEALTHMD_NOW: '2024-06-01' };

interface Report {
  filePath: string;
  messages: { ruleId: string; messageId: string; line: number }[];
}

const LINKING = cleanArticle('Exercises for Back Pain', {
  body: '\nSee [when to get help](back-pain.md#when-to-get-help) and ![a stretch](stretch.png).\n',
});
const TARGET = (heading: string) => cleanArticle('Back Pain', { body: `\n## ${heading}\n\nCall your doctor if the pain spreads down a leg.\n` });

function project(): string {
  return tempProject({
    'articles/exercises.md': LINKING,
    'articles/back-pain.md': TARGET('When to Get Help'),
    'articles/sciatica.md': cleanArticle('Sciatica', { extra: 'slug: sciatica\n' }),
  });
}

const lint = async (cwd: string, args: string[] = [], env: Record<string, string> = NOW) => {
  const result = await runCli(['lint', '--format', 'json', ...args], { cwd, env });
  return { ...result, report: JSON.parse(result.stdout) as Report[] };
};

/** Each file's findings as `rule/message@line`, the way the rule tests assert them. */
const findings = (report: Report[]) => Object.fromEntries(report.map((r) => [r.filePath, r.messages.map((m) => `${m.ruleId}/${m.messageId}@${m.line}`)]));

/** The cache's files (one folder of shards per configuration). */
const cacheFiles = (cwd: string) => {
  const dir = path.join(cwd, '.healthmd');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(v8|json)$/.test(name)).map((name) => path.join(dir, name)).sort();
};

/** Lints warm and cold (--no-cache) and expects the same report; returns it. */
async function sameAsCold(cwd: string, env: Record<string, string> = NOW): Promise<Record<string, string[]>> {
  const warm = await lint(cwd, [], env);
  const cold = await lint(cwd, ['--no-cache'], env);
  expect(warm.stdout).toBe(cold.stdout);
  expect(warm.code).toBe(cold.code);
  return findings(warm.report);
}

describe('lint with the cache in .healthmd/', () => {
  it('answers an unchanged project from the cache, without writing it again, and says the same as a cold run', async () => {
    const cwd = project();
    const first = await lint(cwd);
    expect(findings(first.report)['articles/exercises.md']).toEqual(['link-safety/image-missing@11']);
    const files = cacheFiles(cwd);
    expect(files.length).toBeGreaterThan(0);
    // An old time, so that a rewrite would show.
    for (const file of files) utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const second = await lint(cwd);
    expect(second.stdout).toBe(first.stdout);
    expect(cacheFiles(cwd)).toEqual(files);
    for (const file of files) expect(statSync(file).mtime.getFullYear()).toBe(2020);
  });

  it('lints again what an edit changes: the file, the files that link to it, and every file when front matter changes', async () => {
    const cwd = project();
    await lint(cwd);
    // The heading the link points at goes: only the target changed, the linking file's finding is new.
    writeFileSync(path.join(cwd, 'articles/back-pain.md'), TARGET('Getting Help'));
    expect((await sameAsCold(cwd))['articles/exercises.md']).toEqual(['internal-links/missing-anchor@11', 'link-safety/image-missing@11']);
    // The image appears: the file's finding goes although no article changed.
    writeFileSync(path.join(cwd, 'articles/stretch.png'), 'png');
    expect((await sameAsCold(cwd))['articles/exercises.md']).toEqual(['internal-links/missing-anchor@11']);
    // Another article takes sciatica's slug: the untouched sciatica.md now clashes.
    writeFileSync(path.join(cwd, 'articles/back-pain.md'), TARGET('Getting Help').replace('---\n', '---\nslug: sciatica\n'));
    const clash = await sameAsCold(cwd);
    expect(clash['articles/sciatica.md']).toEqual([expect.stringMatching(/^unique-slug\/duplicate-url@/)]);
    // A deleted target: the link is broken.
    rmSync(path.join(cwd, 'articles/back-pain.md'));
    expect((await sameAsCold(cwd))['articles/exercises.md']).toEqual(['internal-links/missing-file@11']);
  });

  it('starts again when the config, the rule flags or today change', async () => {
    const cwd = project();
    await lint(cwd);
    writeFileSync(path.join(cwd, 'healthmd.config.yaml'), 'rules:\n  link-safety: off\n');
    expect((await sameAsCold(cwd))['articles/exercises.md']).toEqual([]);
    const flagged = await lint(cwd, ['--rule', 'link-safety=warn']);
    expect(findings(flagged.report)['articles/exercises.md']).toEqual(['link-safety/image-missing@11']);
    // Two years on, every review is out of date: a cache of 2024 must not say otherwise.
    const later = await sameAsCold(cwd, { HEALTHMD_NOW: '2026-06-01' });
    expect(later['articles/sciatica.md']).toContainEqual(expect.stringMatching(/^review-current\//));
  });

  it('ignores a corrupted or foreign cache and replaces it', async () => {
    const cwd = project();
    const first = await lint(cwd);
    const files = cacheFiles(cwd);
    const damaged = files.map((file) => {
      const bytes = readFileSync(file);
      bytes[bytes.length - 5] ^= 0xff;
      writeFileSync(file, bytes);
      return bytes;
    });
    expect((await lint(cwd)).stdout).toBe(first.stdout);
    files.forEach((file, i) => expect(readFileSync(file).equals(damaged[i])).toBe(false));
    for (const file of files) writeFileSync(file, 'not a cache at all');
    const again = await lint(cwd);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe('');
  });

  it('does not read a cache that came with the checkout (committed to git), and says so', async () => {
    const cwd = project();
    await lint(cwd);
    execFileSync('git', ['init', '-q'], { cwd });
    execFileSync('git', ['add', '.healthmd'], { cwd });
    // A clean cached answer for a file that is not clean any more must not be given.
    writeFileSync(path.join(cwd, 'articles/sciatica.md'), cleanArticle('Sciatica').replace('## Sources', '## Reading'));
    const result = await lint(cwd);
    expect(result.stderr).toMatch(/^healthmd: warning: \.healthmd\/ is committed to git, so its cache is not used.*git rm -r --cached \.healthmd/m);
    expect(findings(result.report)['articles/sciatica.md']).toContainEqual(expect.stringMatching(/^sources-present\//));
  });

  it('notices a cache added to git after a run that found it untracked', async () => {
    const cwd = project();
    await lint(cwd);
    execFileSync('git', ['init', '-q'], { cwd });
    execFileSync('git', ['add', 'articles'], { cwd });
    // Asked once, then answered from the stamp of git's index: no warning either time.
    expect((await lint(cwd)).stderr).toBe('');
    expect((await lint(cwd)).stderr).toBe('');
    execFileSync('git', ['add', '.healthmd'], { cwd });
    expect((await lint(cwd)).stderr).toMatch(/\.healthmd\/ is committed to git, so its cache is not used/);
  });

  it('asks the index of a linked worktree, not its main repository\'s', async () => {
    const main = project();
    const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', ...args], { cwd, stdio: 'ignore' });
    git(main, 'init', '-q');
    git(main, 'add', 'articles');
    git(main, 'commit', '-q', '-m', 'articles');
    const worktree = path.join(main, 'checkout');
    git(main, 'worktree', 'add', '-q', worktree);
    expect((await lint(worktree)).stderr).toBe('');
    expect((await lint(worktree)).stderr).toBe('');
    git(worktree, 'add', '.healthmd');
    expect((await lint(worktree)).stderr).toMatch(/\.healthmd\/ is committed to git, so its cache is not used/);
    // The main repository tracks no cache of its own.
    await lint(main);
    expect((await lint(main)).stderr).toBe('');
  });

  it('--no-cache neither reads nor writes it; --fix lints every file', async () => {
    const cwd = project();
    await lint(cwd, ['--no-cache']);
    expect(existsSync(path.join(cwd, '.healthmd'))).toBe(false);
    await lint(cwd, ['--fix']);
    expect(existsSync(path.join(cwd, '.healthmd'))).toBe(false);
  });

  it('lint of one named file uses and keeps the project\'s entries', async () => {
    const cwd = project();
    await lint(cwd);
    writeFileSync(path.join(cwd, 'articles/back-pain.md'), TARGET('Getting Help'));
    const one = await lint(cwd, ['articles/exercises.md']);
    expect(findings(one.report)).toEqual({ 'articles/exercises.md': ['internal-links/missing-anchor@11', 'link-safety/image-missing@11'] });
    expect(Object.keys(await sameAsCold(cwd))).toHaveLength(3);
  });

  it('lint of one unchanged file answers from the project index and its own entry, reading no other file\'s record', async () => {
    const cwd = project();
    writeFileSync(path.join(cwd, 'articles/nerve-pain.md'), cleanArticle('Nerve Pain', { extra: 'slug: sciatica\n' }));
    // A draft with the same slug clashes with nothing: it is not published.
    writeFileSync(path.join(cwd, 'articles/draft.md'), cleanArticle('Draft', { extra: 'slug: sciatica\ndraft: true\n' }));
    for (let i = 0; i < 12; i++) writeFileSync(path.join(cwd, `articles/topic-${i}.md`), cleanArticle(`Topic ${i}`));
    await lint(cwd);
    const first = await lint(cwd, ['articles/nerve-pain.md']);
    expect(findings(first.report)).toEqual({ 'articles/nerve-pain.md': [expect.stringMatching(/^unique-slug\/duplicate-url@/)] });
    // Only what names the linted file is left: the index of every file, and the shard with its own entry.
    for (const file of cacheFiles(cwd)) if (!readFileSync(file).includes('nerve-pain.md')) rmSync(file);
    const kept = cacheFiles(cwd);
    expect(kept.length).toBeGreaterThan(0);
    for (const file of kept) utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const second = await lint(cwd, ['articles/nerve-pain.md']);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).toBe((await lint(cwd, ['articles/nerve-pain.md', '--no-cache'])).stdout);
    // Nothing had to be read again, so nothing was written.
    expect(cacheFiles(cwd)).toEqual(kept);
    for (const file of kept) expect(statSync(file).mtime.getFullYear()).toBe(2020);
  });

  it('lint of one file sees an article added, renamed or removed since the project\'s files were last listed', async () => {
    const cwd = project();
    // A walk is kept only of folders unchanged for 3 s before it (a change's time cannot be set back).
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    await lint(cwd);
    expect(cacheFiles(cwd).some((file) => path.basename(file).startsWith('listing-'))).toBe(true);
    const one = () => lint(cwd, ['articles/sciatica.md']);
    expect(findings((await one()).report)).toEqual({ 'articles/sciatica.md': [] });
    writeFileSync(path.join(cwd, 'articles/nerve-pain.md'), cleanArticle('Nerve Pain', { extra: 'slug: sciatica\n' }));
    const added = await one();
    expect(findings(added.report)['articles/sciatica.md']).toEqual([expect.stringMatching(/^unique-slug\/duplicate-url@/)]);
    expect(added.report[0].messages[0]).toMatchObject({ message: expect.stringContaining('nerve-pain.md') });
    renameSync(path.join(cwd, 'articles/nerve-pain.md'), path.join(cwd, 'articles/nerves.md'));
    const renamed = await one();
    expect(renamed.stdout).toBe((await lint(cwd, ['articles/sciatica.md', '--no-cache'])).stdout);
    expect(renamed.report[0].messages[0]).toMatchObject({ message: expect.stringContaining('nerves.md') });
    rmSync(path.join(cwd, 'articles/nerves.md'));
    expect(findings((await one()).report)).toEqual({ 'articles/sciatica.md': [] });
  });
});

describe("build's lint gate with the cache", () => {
  const build = (cwd: string, out: string, args: string[] = []) => runCli(['build', '--out', out, ...args], { cwd, env: NOW });
  const tree = (dir: string) => Object.fromEntries(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));

  it('stops on what an edit breaks elsewhere, as a build without it does, and builds the same pages', async () => {
    const cwd = project();
    writeFileSync(path.join(cwd, 'articles/stretch.png'), 'png');
    expect((await build(cwd, 'first')).code).toBe(0);
    expect(cacheFiles(cwd).length).toBeGreaterThan(0);
    // The anchor the untouched exercises.md links to goes.
    writeFileSync(path.join(cwd, 'articles/back-pain.md'), TARGET('Getting Help'));
    const warm = await build(cwd, 'second');
    const cold = await build(cwd, 'second', ['--no-cache']);
    expect(warm.code).toBe(1);
    expect(warm.stderr).toMatch(/exercises\.md\n.*#when-to-get-help.*internal-links/);
    expect(warm.stderr).toBe(cold.stderr);
    writeFileSync(path.join(cwd, 'articles/back-pain.md'), TARGET('When to Get Help'));
    expect((await build(cwd, 'cached')).code).toBe(0);
    expect((await build(cwd, 'uncached', ['--no-cache'])).code).toBe(0);
    const cached = tree(path.join(cwd, 'cached'));
    expect(Object.keys(cached).length).toBeGreaterThan(5);
    expect(cached).toEqual(tree(path.join(cwd, 'uncached')));
  });
});

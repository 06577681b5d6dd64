import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle, runCli, tempProject } from './helpers.js';

const NOW = { HEALTHMD_NOW: '2024-06-01' };

const article = (title: string, extra = '', date = '2024-05-08') => cleanArticle(title, { extra, date });

interface Report {
  filePath: string;
  messages: { ruleId: string; message: string; line: number }[];
}

/** Every unpublished kind, each on the URL of a published article (a clash only if it were published). */
function project(): string {
  return tempProject({
    'articles/back-pain.md': article('Back Pain'),
    'articles/old-back-pain.md': article('Old Back Pain', 'slug: back-pain\npublished: false\n'),
    'articles/draft-back-pain.md': article('Draft Back Pain', 'slug: back-pain\ndraft: true\n'),
    'articles/doubtful.md': article('Doubtful', 'published: "false"\n'),
    'articles/next-month.md': article('Next Month', 'slug: back-pain\n', '2024-07-01'),
  });
}

const linted = (stdout: string) => (JSON.parse(stdout) as Report[]).map((r) => path.basename(r.filePath)).sort();
const findings = (stdout: string) => (JSON.parse(stdout) as Report[]).flatMap((r) => r.messages.map((m) => `${path.basename(r.filePath)} ${m.ruleId}`)).sort();

describe('lint and build agree on what is published', () => {
  it('lint checks what build publishes, and the file in doubt for its wrong type', async () => {
    const dir = project();
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir, env: NOW });
    expect(linted(lint.stdout)).toEqual(['back-pain.md', 'doubtful.md']);
    // No clash with unpublished files; the text "false" is a wrong type.
    expect(findings(lint.stdout)).toEqual(['doubtful.md front-matter-schema']);
    expect((JSON.parse(lint.stdout) as Report[]).find((r) => r.filePath.endsWith('doubtful.md'))!.messages[0].message).toMatch(/published/);
    expect(lint.stderr).toMatch(/not linted.*2 drafts.*1 dated after today/);
    expect(lint.code).toBe(1);

    const build = await runCli(['build', '--skip-lint'], { cwd: dir, env: NOW });
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/from 1 article/);
    expect(existsSync(path.join(dir, 'public/articles/back-pain/index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'public/articles/doubtful/index.html'))).toBe(false);

    // The gated build stops on the same finding lint reports, and on nothing else.
    const gated = await runCli(['build'], { cwd: dir, env: NOW });
    expect(gated.code).toBe(1);
    expect(gated.stderr).toMatch(/doubtful\.md/);
    expect(gated.stderr).not.toMatch(/unique-slug/);
  });

  it('--drafts and --future change lint and build alike', async () => {
    const dir = project();
    const lint = await runCli(['lint', '--format', 'json', '--drafts'], { cwd: dir, env: NOW });
    expect(linted(lint.stdout)).toEqual(['back-pain.md', 'doubtful.md', 'draft-back-pain.md', 'old-back-pain.md']);
    expect(findings(lint.stdout).filter((f) => f.endsWith('unique-slug'))).toEqual(['back-pain.md unique-slug', 'draft-back-pain.md unique-slug', 'old-back-pain.md unique-slug']);
    const build = await runCli(['build', '--drafts'], { cwd: dir, env: NOW });
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/unique-slug/);

    const future = await runCli(['lint', '--format', 'json', '--future', '--rule', 'front-matter-schema=off'], { cwd: dir, env: NOW });
    expect(findings(future.stdout).filter((f) => f.endsWith('unique-slug'))).toEqual(['back-pain.md unique-slug', 'next-month.md unique-slug']);
    const futureBuild = await runCli(['build', '--future', '--skip-lint'], { cwd: dir, env: NOW });
    expect(futureBuild.code).toBe(1);
    expect(futureBuild.stderr).toMatch(/next-month\.md/);
  });

  it("leaves out an article past its Hugo expiryDate, as Hugo does, and says so; one that expires today or later is published", async () => {
    const dir = tempProject({
      'articles/flu-clinic-2023.md': article('Flu Clinic 2023', 'expiryDate: 2023-12-31\n'),
      'articles/flu-clinic-2024.md': article('Flu Clinic 2024', 'expirydate: 2024-06-01T18:00:00+01:00\n'),
      'articles/flu-clinic-2025.md': article('Flu Clinic 2025', 'expiryDate: 2025-03-31\n'),
    });
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir, env: NOW });
    expect(linted(lint.stdout)).toEqual(['flu-clinic-2024.md', 'flu-clinic-2025.md']);
    expect(lint.stderr).toMatch(/not linted, as build would not publish them: 1 past its expiryDate/);
    const build = await runCli(['build'], { cwd: dir, env: NOW });
    expect(build.code).toBe(0);
    expect(existsSync(path.join(dir, 'public/articles/flu-clinic-2023/index.html'))).toBe(false);
    expect(existsSync(path.join(dir, 'public/articles/flu-clinic-2024/index.html'))).toBe(true);
  });

  it('list marks what is not published, and counts no clash with it', async () => {
    const dir = project();
    const list = await runCli(['list', '--json'], { cwd: dir, env: NOW });
    const rows = JSON.parse(list.stdout) as Array<{ path: string; draft: boolean; published: boolean; errors: number }>;
    const byName = Object.fromEntries(rows.map((r) => [path.basename(r.path), r]));
    expect(byName['back-pain.md']).toMatchObject({ draft: false, published: true, errors: 0 });
    expect(byName['old-back-pain.md']).toMatchObject({ draft: true, published: false });
    expect(byName['doubtful.md']).toMatchObject({ draft: true, published: false, errors: 1 });
    expect(byName['next-month.md']).toMatchObject({ draft: false, published: false });
  });
});

describe('lint and build agree on what a finding means', () => {
  it('a site-root link to an article in doubt (published: "maybe") is unresolved in lint, as in build', async () => {
    const dir = tempProject({
      'articles/a.md': article('Back pain').replace('A short walk each day can help.', 'A short walk each day can help; see [neck pain](/articles/neck-pain/).'),
      'articles/neck-pain.md': article('Neck pain', 'published: "maybe"\n'),
    });
    // On one thread and on two (each worker lints a range and sees the rest of the project).
    for (const workers of ['1', '2']) {
      const lint = await runCli(['lint', '--format', 'json'], { cwd: dir, env: { ...NOW, HEALTHMD_WORKERS: workers } });
      const ids = (JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => `${r.filePath} ${m.ruleId}`));
      expect(ids, `HEALTHMD_WORKERS=${workers}`).toContain('articles/a.md internal-links');
      expect(lint.code).toBe(1);
    }
    const lint = { code: 1 };
    const build = await runCli(['build'], { cwd: dir, env: NOW });
    expect(build.code).toBe(lint.code);
    expect(build.stderr).toContain('internal-links');
  });

  it('a fatal rule set to warn keeps its other findings as warnings in build too (a duplicate key), and its fatal ones as errors in lint too (a clash)', async () => {
    const duplicate = tempProject({
      'healthmd.config.yaml': 'rules:\n  front-matter-valid: warn\n',
      'articles/a.md': article('Back pain', 'author: Sam Lee\n'),
    });
    expect((await runCli(['lint'], { cwd: duplicate, env: NOW })).code).toBe(0);
    expect((await runCli(['build'], { cwd: duplicate, env: NOW })).code).toBe(0);
    const clash = tempProject({
      'healthmd.config.yaml': 'rules:\n  unique-slug: warn\n',
      'articles/a.md': article('Back pain', 'slug: back-pain\n'),
      'articles/b.md': article('Back pain again', 'slug: back-pain\n'),
    });
    const lint = await runCli(['lint', '--format', 'json'], { cwd: clash, env: NOW });
    expect(lint.code).toBe(1);
    expect(JSON.parse(lint.stdout)[0].messages[0]).toMatchObject({ ruleId: 'unique-slug', severity: 2, fatal: true });
    expect((await runCli(['build'], { cwd: clash, env: NOW })).code).toBe(1);
  });
});

describe('a quoted "true" or "false"', () => {
  it('is a wrong type; published: "true" and draft: "false" are published, as they can mean one thing, and draft: "true" is held back', async () => {
    const dir = tempProject({
      'articles/a.md': article('Quoted true', 'published: "true"\n'),
      'articles/b.md': article('Quoted not a draft', 'draft: "false"\n'),
      'articles/c.md': article('Quoted draft', 'draft: "true"\n'),
    });
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir, env: NOW });
    expect(findings(lint.stdout)).toEqual(['a.md front-matter-schema', 'b.md front-matter-schema', 'c.md front-matter-schema']);
    await runCli(['build', '--skip-lint'], { cwd: dir, env: NOW });
    expect(['a', 'b', 'c'].map((name) => existsSync(path.join(dir, `public/articles/${name}/index.html`)))).toEqual([true, true, false]);
  });
});

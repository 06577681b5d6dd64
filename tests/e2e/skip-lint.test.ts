import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { healthArticle, runCli, tempProject } from './helpers.js';

const NOW = { HEALTHMD_NOW: '2024-06-01' };

const article = (title: string, extra = '') => healthArticle('Most back pain gets better in a few weeks.\n', { title, extra });

describe('a duplicate key is an error but not fatal', () => {
  it('lint names both lines; the build uses the last value; --skip-lint builds it', async () => {
    const dir = tempProject({
      'articles/back-pain.md': article('Back Pain'),
      'articles/twice.md': article('First Title', 'title: Second Title\n'),
    });
    const lint = await runCli(['lint', '--format', 'json'], { cwd: dir, env: NOW });
    const twice = (JSON.parse(lint.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; message: string; fatal?: boolean }> }>).find((r) => r.filePath.endsWith('twice.md'))!;
    const duplicate = twice.messages.find((m) => m.ruleId === 'front-matter-valid')!;
    expect(duplicate).toMatchObject({ line: 8 });
    expect(duplicate.message).toMatch(/line 2 and on line 8/);
    expect(duplicate.fatal).toBeUndefined();
    expect(lint.code).toBe(1);

    const gated = await runCli(['build'], { cwd: dir, env: NOW });
    expect(gated.code).toBe(1);
    expect(gated.stderr).not.toMatch(/no build can get past/);

    const built = await runCli(['build', '--skip-lint'], { cwd: dir, env: NOW });
    expect(built.code).toBe(0);
    expect(readFileSync(path.join(dir, 'public/articles/twice/index.html'), 'utf8')).toContain('Second Title');
    // It says the pages were not linted, unless asked to be quiet.
    expect(built.stderr).toMatch(/^healthmd: warning: --skip-lint: the articles were not linted, .*run healthmd lint to see it$/m);
    expect((await runCli(['build', '--skip-lint', '--quiet'], { cwd: dir, env: NOW })).stderr).toBe('');
  });

  it('--skip-lint builds every file it can parse and names, last, each file it left out', async () => {
    const dir = tempProject({
      'articles/back-pain.md': article('Back Pain'),
      'articles/broken.md': '---\ntitle: [unclosed\n---\nBody\n',
      'articles/sub/no-fence.md': '---\ntitle: Never closed\n',
    });
    const gated = await runCli(['build'], { cwd: dir, env: NOW });
    expect(gated.code).toBe(1);

    const built = await runCli(['build', '--skip-lint'], { cwd: dir, env: NOW });
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/from 1 article/);
    const last = built.stderr.trimEnd().split('\n').slice(-3);
    expect(last[0]).toMatch(/left out 2 files that cannot be parsed/);
    expect(last[1]).toMatch(/^ {2}articles\/broken\.md:\d+:\d+ {2}Invalid YAML/);
    expect(last[2]).toMatch(/^ {2}articles\/sub\/no-fence\.md:1:1 .*not closed/);
  });

  it('a slug written for another generator (hugo_build) is an error, and --skip-lint builds the page at its file name', async () => {
    const dir = tempProject({
      'articles/back-pain.md': article('Back Pain'),
      'articles/commands/hugo_build.md': article('Build command', 'slug: hugo_build\n'),
    });
    const gated = await runCli(['build'], { cwd: dir, env: NOW });
    expect(gated.code).toBe(1);
    expect(gated.stderr).not.toMatch(/no build can get past/);

    const built = await runCli(['build', '--skip-lint'], { cwd: dir, env: NOW });
    expect(built.code).toBe(0);
    expect(readFileSync(path.join(dir, 'public/articles/commands/hugo_build/index.html'), 'utf8')).toContain('Build command');
  });

  it('build --quiet that stops shows the errors that stopped it and no warning', async () => {
    const dir = tempProject({
      'articles/back-pain.md': healthArticle('It is a miracle cure.\n\n[the leaflet](missing.md)\n', { title: 'Back Pain' }),
    });
    const quiet = await runCli(['build', '--quiet'], { cwd: dir, env: NOW });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toMatch(/internal-links/);
    expect(quiet.stderr).not.toMatch(/\d+:\d+ +warning|no-absolute-claims/);
    const loud = await runCli(['build'], { cwd: dir, env: NOW });
    expect(loud.stderr).toMatch(/no-absolute-claims/);
  });
});

import { describe, expect, it } from 'vitest';
import { cleanArticle, runCli, tempProject } from './helpers.js';

const NOW = { HEALTHMD_NOW: '2024-06-01' };

const article = (title: string, extra = '') => cleanArticle(title, { extra });

interface Report {
  filePath: string;
  messages: { ruleId: string; message: string; line: number }[];
}

/** Twelve articles, two of which claim the same URL: a project rule's finding on each. */
function project(): string {
  const files: Record<string, string> = {};
  for (let i = 1; i <= 10; i++) files[`articles/topic-${i % 3}/guide-${i}.md`] = article(`Guide ${i}`);
  files['articles/sciatica.md'] = article('Sciatica');
  files['articles/sciatica-two.md'] = article('Sciatica Again', 'slug: sciatica\n');
  return tempProject(files);
}

const lint = async (dir: string, args: string[]) => {
  const result = await runCli(['lint', '--format', 'json', ...args], { cwd: dir, env: NOW });
  return { code: result.code, report: JSON.parse(result.stdout) as Report[] };
};

describe('lint --shard i/n', () => {
  it('splits the files among the shards, each once, with the findings an unsharded lint reports', async () => {
    const dir = project();
    const whole = await lint(dir, []);
    const shards = await Promise.all([1, 2, 3].map((i) => lint(dir, ['--shard', `${i}/3`])));
    const files = shards.flatMap((s) => s.report.map((r) => r.filePath));
    expect([...files].sort()).toEqual(whole.report.map((r) => r.filePath).sort());
    expect(new Set(files).size).toBe(files.length);
    // Project rules see the whole project: the slug clash is found whichever shard holds each file.
    const byFile = (reports: Report[]) => Object.fromEntries(reports.map((r) => [r.filePath, r.messages]));
    expect(byFile(shards.flatMap((s) => s.report))).toEqual(byFile(whole.report));
    expect(whole.report.filter((r) => r.messages.some((m) => m.ruleId === 'unique-slug'))).toHaveLength(2);
    // Each shard fails only for the findings in its own files.
    for (const shard of shards) expect(shard.code).toBe(shard.report.some((r) => r.messages.length > 0) ? 1 : 0);
  });

  it('gives the same shard to a file on every run, and 1/1 is the whole project', async () => {
    const dir = project();
    const first = await lint(dir, ['--shard', '2/3']);
    const again = await lint(dir, ['--shard', '2/3']);
    expect(again.report.map((r) => r.filePath)).toEqual(first.report.map((r) => r.filePath));
    expect((await lint(dir, ['--shard', '1/1'])).report).toEqual((await lint(dir, [])).report);
  });

  it('writes an empty report for a shard that holds no file, so every CI job has one to upload', async () => {
    const dir = tempProject({ 'articles/sciatica.md': article('Sciatica') });
    const shards = await Promise.all([1, 2, 3, 4].map((i) => runCli(['lint', '--shard', `${i}/4`, '--format', 'sarif'], { cwd: dir, env: NOW })));
    for (const shard of shards) expect(JSON.parse(shard.stdout).runs[0].tool.driver.name).toBe('healthmd');
    const linted = shards.map((s) => JSON.parse(s.stdout).runs[0].artifacts?.length ?? 0);
    expect(shards.every((s) => s.code === 0)).toBe(true);
    expect([...linted].sort()).toEqual([0, 0, 0, 1]);
  });

  it('refuses a shard that is not I/N with 1 <= I <= N, and --shard with --stdin', async () => {
    const dir = project();
    for (const value of ['0/3', '4/3', '2', 'a/b', '1/0']) {
      const result = await runCli(['lint', '--shard', value], { cwd: dir, env: NOW });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`--shard ${value}: expected I/N`);
    }
    const stdin = await runCli(['lint', '--stdin', '--shard', '1/2'], { cwd: dir, env: NOW, input: article('Stdin') });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('--shard');
  });
});

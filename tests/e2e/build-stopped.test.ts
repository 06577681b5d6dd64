import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers.js';

const env = { HEALTHMD_NOW: '2025-03-01' };
const page = (title: string, extra = '') => `---\ntitle: ${title}\n${extra}---\nText.\n`;

describe('a stopped build names what stopped it in its last lines', () => {
  it('the fatal findings: files at their line, with the rules, after a long report', async () => {
    const files: Record<string, string> = {};
    // Many ordinary errors first, so the fatal ones would be far up a report.
    for (let i = 0; i < 30; i++) files[`articles/news/n${String(i).padStart(2, '0')}.md`] = page(`News ${i}`);
    files['articles/zz-a.md'] = page('A', 'slug: clash\n');
    files['articles/zz-b.md'] = page('B', 'slug: clash\n');
    const run = await runCli(['build', '--skip-lint'], { cwd: tempProject(files), env });
    expect(run.code).toBe(1);
    const last = run.stderr.trimEnd().split('\n').slice(-3);
    expect(last).toEqual([
      'healthmd: build stopped: 2 findings that no build can get past (unique-slug 2); fix the files named:',
      '  articles/zz-a.md:3:1  1 finding (unique-slug)',
      '  articles/zz-b.md:3:1  1 finding (unique-slug)',
    ]);
  });

  it('lint errors: counted by rule, the first ten files named, the rest counted', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`articles/n${String(i).padStart(2, '0')}.md`] = page(`News ${i}`);
    const run = await runCli(['build'], { cwd: tempProject(files), env });
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    const at = lines.findIndex((line) => line.startsWith('healthmd: build stopped:'));
    expect(lines[at]).toMatch(/^healthmd: build stopped: \d+ lint errors \(.*front-matter-schema \d+.*\); fix them, or run with --skip-lint to build anyway:$/);
    expect(lines.slice(at + 1)).toHaveLength(11);
    expect(lines[at + 1]).toMatch(/^  articles\/n00\.md:\d+:\d+  \d+ errors \(.+\)$/);
    expect(lines.at(-1)).toBe('  and 2 more files (see above)');
    // The report before them ends with the tallies (more than 20 findings).
    expect(run.stderr).toContain('Findings by rule');
  });
});

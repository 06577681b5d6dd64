import { describe, expect, it } from 'vitest';
import { healthArticle, runCli, tempProject } from './helpers.js';

const NOW = { HEALTHMD_NOW: '2024-06-01' };

const article = (front: string, body: string) => healthArticle(body, { extra: front });

const EXISTING = article('', 'Most back pain gets better in a few weeks.\n');
const DRAFT = article(
  'slug: back-pain\n',
  'See [the other page](back-pain.md#sources), [a typo](back-pian.md), [its page](/articles/back-pain/), [a missing heading](#nowhere) and ![a photo](photo.png).\n',
);

interface Report {
  filePath: string;
  messages: { ruleId: string; messageId: string; message: string }[];
}

const lintStdin = (cwd: string, args: string[]) => runCli(['lint', '--stdin', '--format', 'json', ...args], { cwd, env: NOW, input: DRAFT });

describe('lint --stdin', () => {
  it('without --stdin-filename checks no relative link, says so once, and never names <stdin>.md', async () => {
    const project = tempProject({ 'articles/back-pain.md': EXISTING });
    const result = await lintStdin(project, []);
    const report = JSON.parse(result.stdout) as Report[];
    expect(report.map((r) => r.filePath)).toEqual(['<stdin>']);
    // The #anchor is in the text itself and the site-root link names a page of the project: both can be checked.
    expect(report[0].messages.map((m) => [m.ruleId, m.messageId])).toEqual([['internal-links', 'missing-anchor']]);
    expect(result.code).toBe(1);
    const warnings = result.stderr.split('\n').filter(Boolean);
    expect(warnings).toEqual([expect.stringMatching(/^healthmd: warning: <stdin>: 3 relative links and images not checked: .*--stdin-filename/)]);
    expect(result.stdout + result.stderr).not.toContain('<stdin>.md');
  });

  it('with --stdin-filename sees the whole project: its links resolve and a clash of slugs is reported', async () => {
    const project = tempProject({ 'articles/back-pain.md': EXISTING, 'articles/photo.png': 'png' });
    const result = await lintStdin(project, ['--stdin-filename', 'articles/draft.md']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as Report[];
    expect(report.map((r) => r.filePath)).toEqual(['articles/draft.md']);
    const found = report[0].messages.map((m) => [m.ruleId, m.messageId]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['unique-slug', 'duplicate-url'],
        ['internal-links', 'missing-file'],
        ['internal-links', 'missing-anchor'],
      ]),
    );
    expect(found).toHaveLength(3);
    expect(report[0].messages.find((m) => m.messageId === 'missing-file')?.message).toContain('did you mean back-pain.md?');
    expect(result.code).toBe(1);
  });

  it('sees the project as build publishes it: a draft clashes with nothing unless --drafts', async () => {
    const project = tempProject({ 'articles/back-pain.md': EXISTING, 'articles/old.md': article('draft: true\nslug: shared\n', 'An old draft.\n') });
    const text = article('slug: shared\n', 'Most back pain gets better in a few weeks.\n');
    const lintText = (args: string[]) => runCli(['lint', '--stdin', '--stdin-filename', 'articles/new.md', '--format', 'json', ...args], { cwd: project, env: NOW, input: text });
    const ids = (stdout: string) => (JSON.parse(stdout) as Report[])[0].messages.map((m) => m.messageId);
    expect(ids((await lintText([])).stdout)).not.toContain('duplicate-url');
    expect(ids((await lintText(['--drafts'])).stdout)).toContain('duplicate-url');
  });
});

import { describe, expect, it } from 'vitest';
import { cleanArticle, runCli, tempProject } from './helpers.js';

const NOW = { HEALTHMD_NOW: '2024-06-01' };

const article = (title: string, extra = '', body = '') => cleanArticle(title, { extra, body });

interface Report {
  filePath: string;
  messages: { ruleId: string; message: string; line: number }[];
}

describe('linting some files of a project', () => {
  it('reports a slug clash with an article that was not named, on the named file, naming the other', async () => {
    const dir = tempProject({
      'articles/sciatica.md': article('Sciatica'),
      'articles/sciatica-two.md': article('Sciatica Again', 'slug: sciatica\n'),
    });
    const result = await runCli(['lint', 'articles/sciatica-two.md', '--format', 'json'], { cwd: dir, env: NOW });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report[];
    expect(report.map((r) => r.filePath)).toEqual(['articles/sciatica-two.md']);
    const clash = report[0].messages.filter((m) => m.ruleId === 'unique-slug');
    expect(clash).toHaveLength(1);
    expect(clash[0].message).toContain('articles/sciatica.md');
    expect(clash[0].line).toBe(8);
    // What lint let through, build must not be the first to find.
    expect((await runCli(['build'], { cwd: dir, env: NOW })).code).toBe(1);
  });

  it('finds no clash when the named file is the only one with its URL', async () => {
    const dir = tempProject({ 'articles/sciatica.md': article('Sciatica'), 'articles/other.md': article('Other', 'slug: sciatica-more\n') });
    const result = await runCli(['lint', 'articles/other.md'], { cwd: dir, env: NOW });
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  it('checks links and anchors from a named file into articles that were not named', async () => {
    const dir = tempProject({
      'articles/sciatica.md': article('Sciatica'),
      'articles/links.md': article('Links', '', '\nSee [keeping active](sciatica.md#keeping-active) and [nothing](sciatica.md#no-such-part).\n'),
    });
    const result = await runCli(['lint', 'articles/links.md', '--format', 'json'], { cwd: dir, env: NOW });
    const messages = (JSON.parse(result.stdout) as Report[]).flatMap((r) => r.messages.filter((m) => m.ruleId === 'internal-links'));
    expect(messages.map((m) => m.message)).toEqual([expect.stringContaining('#no-such-part')]);
  });
});

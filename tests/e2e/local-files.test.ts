import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../site/support/project.js';
import { runCli, tempProject } from './helpers.js';

const env = { HEALTHMD_NOW: '2025-03-01' };
const article = [
  '---',
  'title: Knee exercises',
  'description: Exercises that strengthen the knee after an injury, with a leaflet to print.',
  'author: Sam Lee',
  '---',
  'Print [the exercise leaflet](../files/leaflet.pdf) and [the plan](../files/plan.docx).',
  '',
  'Keep [the log](../files/log.xyz) and look at ![the chart](../files/chart.png) and ![the scan](../files/scan.png).',
  '',
].join('\n');

interface Message {
  ruleId: string;
  messageId: string;
  line: number;
  column: number;
}

describe('local files an article links to or shows', () => {
  let project: string;

  beforeAll(() => {
    project = tempProject({
      'articles/knee.md': article,
      'files/leaflet.pdf': '%PDF-1.4 leaflet',
      'files/plan.docx': 'PK plan',
      'files/log.xyz': 'log',
      'files/chart.png': '\x89PNG chart',
    });
    const outside = tempProject({ 'scan.png': '\x89PNG outside the project' });
    symlinkSync(path.join(outside, 'scan.png'), path.join(project, 'files/scan.png'));
  });

  it('lint reports, at the link, each one the site will not publish', async () => {
    const run = await runCli(['lint', '--format', 'json'], { cwd: project, env });
    const messages = (JSON.parse(run.stdout)[0].messages as Message[]).filter((m) => m.ruleId === 'internal-links' || m.ruleId === 'link-safety');
    expect(messages.map((m) => `${m.ruleId}/${m.messageId}@${m.line}:${m.column}`)).toEqual([
      'internal-links/not-published@8:6',
      'link-safety/image-not-a-file@8:83',
    ]);
  });

  it('build and export link the documents and images lint passed and copy them; the rest is text', async () => {
    for (const [args, out, prefix] of [
      [['build', '--skip-lint', '--quiet'], 'public', '/assets/media/'],
      [['export', '--skip-lint', '--out', 'bundle'], 'bundle', '../../assets/media/'],
    ] as const) {
      const run = await runCli([...args], { cwd: project, env });
      expect(run.code, args.join(' ')).toBe(0);
      const files = listFiles(path.join(project, out));
      expect(files.filter((f) => f.startsWith('assets/media/'))).toEqual(['assets/media/files/chart.png', 'assets/media/files/leaflet.pdf', 'assets/media/files/plan.docx']);
      const html = readFileSync(path.join(project, out, files.find((f) => f.startsWith('articles/knee/'))!), 'utf8');
      expect(html).toContain(`<a href="${prefix}files/leaflet.pdf">the exercise leaflet</a>`);
      expect(html).toContain(`<a href="${prefix}files/plan.docx">the plan</a>`);
      expect(html).toContain(`src="${prefix}files/chart.png"`);
      expect(html).not.toContain('log.xyz');
      expect(html).toContain('the log');
      expect(html).not.toContain('scan.png');
    }
  });
});

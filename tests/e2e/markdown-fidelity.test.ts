import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers.js';

const env = { HEALTHMD_NOW: '2025-01-01' };
const FRONT = '---\ntitle: Steps\ndescription: A short article with numbered steps, used to check how lists are built.\ndate: 2024-05-08\nauthor: A. Writer\n---\n';

/** Builds a one-article project with --skip-lint (the findings are not what these tests look at) and returns its page. */
async function buildPage(body: string, project = tempProject({ 'articles/steps.md': FRONT + body })): Promise<string> {
  const run = await runCli(['build', '--skip-lint', '--quiet'], { cwd: project, env });
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return readFileSync(path.join(project, 'public/articles/steps/index.html'), 'utf8');
}

describe('healthmd build keeps what the author wrote', () => {
  it('numbers an ordered list after a paragraph from 1 and keeps a written start of 3 or 10', async () => {
    const page = await buildPage('Intro paragraph.\n\n1. First step\n2. Second step\n\nThen.\n\n3. Third\n\nLater.\n\n10. Tenth\n');
    expect(page).toContain('<ol>\n<li>First step</li>');
    expect(page).toContain('<ol start="3">\n<li>Third</li>');
    expect(page).toContain('<ol start="10">\n<li>Tenth</li>');
    expect(page.match(/<ol\b[^>]*>/g)).toEqual(['<ol>', '<ol start="3">', '<ol start="10">']);
  });

  it('shows an image or link with an empty address as its words, and lint says so', async () => {
    const project = tempProject({ 'articles/steps.md': `${FRONT}Share this page: ![share]() or read [the leaflet]().\n` });
    const page = await buildPage('', project);
    expect(page).toContain('<p>Share this page: share or read the leaflet.</p>');
    expect(page).not.toMatch(/<img\b[^>]*src=""/);
    const lint = await runCli(['lint', '--format', 'json', 'articles/steps.md'], { cwd: project, env });
    const findings = (JSON.parse(lint.stdout) as { messages: { ruleId: string; messageId?: string; line: number; column: number; message: string }[] }[])[0].messages;
    expect(findings.filter((f) => f.ruleId === 'link-safety').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      expect.stringMatching(/^7:18 Image 'share' has no source/),
      expect.stringMatching(/^7:37 Link 'the leaflet' has no address/),
    ]);
  });

  it('reports a heading written without a space after its #s, and --fix makes it a heading on the page', async () => {
    const project = tempProject({ 'articles/steps.md': `${FRONT}Intro.\n\n##Vitamin D\n\nSunlight helps.\n` });
    const lint = await runCli(['lint', '--format', 'json', '--rule', 'heading-structure=error', 'articles/steps.md'], { cwd: project, env });
    const findings = (JSON.parse(lint.stdout) as { messages: { ruleId: string; line: number; column: number; message: string }[] }[])[0].messages;
    expect(findings.filter((f) => f.ruleId === 'heading-structure').map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '9:1 "##Vitamin D" looks like a heading but shows as a paragraph: put a space after the #s, "## Vitamin D"',
    ]);
    await runCli(['lint', '--fix', 'articles/steps.md'], { cwd: project, env });
    expect(readFileSync(path.join(project, 'articles/steps.md'), 'utf8')).toContain('\n## Vitamin D\n');
    expect(await buildPage('', project)).toMatch(/<h2 id="vitamin-d">.*Vitamin D.*<\/h2>/);
  });

  it('shows a table row\'s cells past its header\'s, as kramdown does, where GitHub drops their words', async () => {
    const page = await buildPage('| Age | Dose |\n|-----|------|\n| Child | 5 mg | twice daily with *food* |\n| Adult | 10 mg |\n| Teen | 8 mg | a \\| b | and more |\n');
    expect(page).toContain('<td>Child</td>\n<td>5 mg</td>\n<td>twice daily with <em>food</em></td>');
    expect(page).toContain('<td>Teen</td>\n<td>8 mg</td>\n<td>a | b</td>\n<td>and more</td>');
    expect(page).toContain('<td>Adult</td>\n<td>10 mg</td>\n</tr>');
  });
});

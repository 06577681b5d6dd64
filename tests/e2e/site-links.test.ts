import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers.js';

const env = { HEALTHMD_NOW: '2025-03-01' };
const config = 'site:\n  title: Kids health\n  baseUrl: https://example.gov/health/\npermalinks:\n  - /:slug/\n  - /:year/:month/:day/:title/\n';
const front = (title: string, extra = '') => `---\ntitle: ${title}\ndescription: A page about children's health cover and how to apply for it in your state.\nauthor: Sam Lee\n${extra}---\n`;
const a =
  front('Cover for children', 'date: 2024-01-02\n') +
  'Read [who is eligible](/b-slug) and [the old guide](/2019/05/03/old-title/#apply).\n\nOr [visit the office](/nowhere) in person.\n\n## Risks\n\nNone.\n';
// Dated by its Jekyll file name, as the old site's /:year/:month/:day/ URL was.
const b = front('Who is eligible', 'slug: b-slug\n') + '## Apply\n\nOnline.\n';

/** The href of the link whose text is `text`, on a built page. */
function hrefOf(html: string, text: string): string | undefined {
  return new RegExp(`<a href="([^"]*)"[^>]*>${text}</a>`).exec(html)?.[1];
}

describe('site-root links through the CLI', () => {
  let project: string;

  beforeAll(() => {
    project = tempProject({ 'healthmd.config.yaml': config, 'articles/a.md': a, 'articles/2019-05-03-old-title.md': b });
  });

  it('lint reports only the one that leads nowhere, with file and line, and no link-safety finding', async () => {
    const result = await runCli(['lint', '--format', 'json'], { cwd: project, env });
    const [file] = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; messageId: string; line: number; column: number; message: string }[] }[]).filter(
      (r) => r.filePath === 'articles/a.md',
    );
    const links = file.messages.filter((m) => m.ruleId === 'internal-links' || m.ruleId === 'link-safety');
    expect(links).toMatchObject([{ ruleId: 'internal-links', messageId: 'unresolved-site-link', line: 9, column: 4 }]);
    expect(links[0].message).toContain("'/nowhere'");

    const stylish = await runCli(['lint'], { cwd: project, env });
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toMatch(/articles\/a\.md[\s\S]*9:4\s+error\s+Link '\/nowhere' leads to no page of the site/);
  });

  it('build links them under the base URL path and keeps the unresolved one as written, text and all', async () => {
    const result = await runCli(['build', '--skip-lint'], { cwd: project, env });
    expect(result.code).toBe(0);
    const html = readFileSync(path.join(project, 'public/articles/a/index.html'), 'utf8');
    expect(hrefOf(html, 'who is eligible')).toBe('/health/articles/b-slug/');
    expect(hrefOf(html, 'the old guide')).toBe('/health/articles/b-slug/#apply');
    expect(hrefOf(html, 'visit the office')).toBe('/nowhere');
  });

  it('export links them relatively to index.html files that exist, and leaves the unresolved one as text', async () => {
    const result = await runCli(['export', '--out', 'bundle', '--skip-lint'], { cwd: project, env });
    expect(result.code).toBe(0);
    const page = path.join(project, 'bundle/articles/a/index.html');
    const html = readFileSync(page, 'utf8');
    for (const text of ['who is eligible', 'the old guide']) {
      const href = hrefOf(html, text);
      expect(href).toMatch(/^\.\.\/b-slug\/index\.html(#apply)?$/);
      expect(existsSync(path.resolve(path.dirname(page), (href ?? '').split('#')[0]))).toBe(true);
    }
    expect(hrefOf(html, 'visit the office')).toBeUndefined();
    expect(html).toContain('visit the office');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers.js';

const env = { HEALTHMD_NOW: '2025-03-01' };
const config = 'site:\n  title: Kids health\n  baseUrl: https://example.gov/health/\n';
const front = (title: string, extra = '') => `---\ntitle: ${title}\ndescription: A page about children's health cover and how to apply for it in your state.\nauthor: Sam Lee\n${extra}---\n`;
// Hugo's aliases and Jekyll's redirect_from, and one alias at another article's page.
const cover = front('Cover & care', 'aliases:\n  - /old/cover/\n  - /articles/apply/\nredirect_from: /are-my-children-eligible.html\n') + 'Text.\n';
const apply = front('Apply', 'lang: es\naliases: [/solicitar/]\n') + 'Texto.\n';

describe('aliases become redirect pages', () => {
  let project: string;

  beforeAll(() => {
    project = tempProject({ 'healthmd.config.yaml': config, 'articles/cover.md': cover, 'articles/apply.md': apply });
  });

  it('lint reports the alias written over a page, at its line', async () => {
    const result = await runCli(['lint', '--format', 'json'], { cwd: project, env });
    const messages = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number; message: string; fatal?: boolean }[] }[])
      .flatMap((r) => r.messages.map((m) => ({ ...m, filePath: r.filePath })))
      .filter((m) => m.ruleId === 'unique-slug');
    expect(messages).toMatchObject([{ filePath: 'articles/cover.md', line: 7 }]);
    expect(messages[0].message).toContain('the page of apply.md');
    expect(messages[0].fatal).toBeUndefined();
  });

  it('build writes a refresh page with canonical, noindex and a visible link at each other alias, in the page language', async () => {
    const result = await runCli(['build', '--skip-lint'], { cwd: project, env });
    expect(result.code).toBe(0);
    const page = readFileSync(path.join(project, 'public/old/cover/index.html'), 'utf8');
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/health/articles/cover/">');
    expect(page).toContain('<link rel="canonical" href="https://example.gov/health/articles/cover/">');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('<a href="/health/articles/cover/">Cover &amp; care</a>');
    expect(readFileSync(path.join(project, 'public/are-my-children-eligible.html'), 'utf8')).toContain('url=/health/articles/cover/');
    const spanish = readFileSync(path.join(project, 'public/solicitar/index.html'), 'utf8');
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain('Esta página se ha trasladado a');
    // The page itself wins over the alias written at its URL.
    expect(readFileSync(path.join(project, 'public/articles/apply/index.html'), 'utf8')).toContain('<h1');
    expect(readFileSync(path.join(project, 'public/sitemap.xml'), 'utf8')).not.toContain('old/cover');
  });

  it('export writes them with relative links that lead to the page in the bundle', async () => {
    const result = await runCli(['export', '--out', 'bundle', '--skip-lint'], { cwd: project, env });
    expect(result.code).toBe(0);
    const file = path.join(project, 'bundle/old/cover/index.html');
    const href = /url=([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1] ?? '';
    expect(href).toBe('../../articles/cover/index.html');
    expect(existsSync(path.resolve(path.dirname(file), href))).toBe(true);
  });
});

describe('a percent-escaped alias', () => {
  it('gets its redirect page at the decoded path, where a web server looks for the old URL; an escaped climb is reported and not written', async () => {
    const newborn = front('Newborn breathing', 'redirect_from:\n  - "/salud%20respiratoria/reci%C3%A9n-nacido/"\n  - "/%2e%2e/%2e%2e/escaped/"\n') + 'Text.\n';
    const project = tempProject({ 'healthmd.config.yaml': config, 'articles/newborn.md': newborn });
    const lint = await runCli(['lint', '--format', 'json'], { cwd: project, env });
    const messages = (JSON.parse(lint.stdout) as { messages: { ruleId: string; line: number; message: string }[] }[]).flatMap((r) => r.messages).filter((m) => m.ruleId === 'unique-slug');
    expect(messages).toMatchObject([{ line: 7 }]);
    expect(messages[0].message).toContain('%2e%2e');
    const result = await runCli(['build', '--skip-lint'], { cwd: project, env });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(project, 'public/salud respiratoria/recién-nacido/index.html'), 'utf8')).toContain('url=/health/articles/newborn/');
    expect(existsSync(path.join(project, 'public/salud%20respiratoria'))).toBe(false);
    expect(existsSync(path.join(project, 'escaped'))).toBe(false);
    expect(existsSync(path.join(project, 'public/%2e%2e'))).toBe(false);
  });
});

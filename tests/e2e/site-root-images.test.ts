import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers.js';

const env = { HEALTHMD_NOW: '2025-03-01' };
const config = 'site:\n  title: Respiratory health\n  baseUrl: https://example.org/\narticlesDir: _posts\ntypes:\n  page: {medical: false}\ndefaultType: page\n';
const post =
  '---\ntitle: Pollen allergy\ndescription: What pollen allergy feels like, when it starts and what helps on the worst days.\nauthor: Ana\nimage: /img/pollen.png\n---\n' +
  '![A field of grass in flower](/uploads/grass%20field.webp)\n\n![A nasal spray](/uploads/spray.webp)\n';

describe('site-root images of a Jekyll or Hugo site', () => {
  it('are published from the project root or static/ as lint says; one in neither is reported where it was looked for', async () => {
    const project = tempProject({
      'healthmd.config.yaml': config,
      '_posts/2019-04-25-pollen.md': post,
      'uploads/grass field.webp': 'RIFF',
      'static/img/pollen.png': 'PNG',
    });
    const lint = await runCli(['lint', '--format', 'json'], { cwd: project, env });
    const messages = (JSON.parse(lint.stdout) as { messages: { ruleId: string; line: number; message: string }[] }[]).flatMap((r) => r.messages).filter((m) => m.ruleId === 'link-safety');
    expect(messages).toMatchObject([{ line: 9 }]);
    expect(messages[0].message).toContain('looked for uploads/spray.webp and static/uploads/spray.webp');
    const build = await runCli(['build', '--skip-lint'], { cwd: project, env });
    expect(build.code).toBe(0);
    const page = readFileSync(path.join(project, 'public/articles/pollen/index.html'), 'utf8');
    expect(page).toContain('src="/assets/media/uploads/grass%20field.webp"');
    expect(page).toContain('content="https://example.org/assets/media/static/img/pollen.png"');
    expect(page).not.toContain('spray.webp');
    expect(readFileSync(path.join(project, 'public/assets/media/uploads/grass field.webp'), 'utf8')).toBe('RIFF');
    expect(existsSync(path.join(project, 'public/assets/media/static/img/pollen.png'))).toBe(true);
  });
});

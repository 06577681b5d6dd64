import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { healthArticle, REPO, runCli, tempProject } from './helpers.js';

interface Hook {
  id: string;
  name: string;
  entry: string;
  language: string;
  types: string[];
  files: string;
}

const hooks = parse(readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const pkg = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };

const GOOD = healthArticle('Most back pain gets better in a few weeks. Keep moving as much as you can.\n');

describe('.pre-commit-hooks.yaml', () => {
  const [hook] = hooks;

  it('declares a node hook whose entry is the package\'s own command, for Markdown under articles/', () => {
    expect(hooks.map((h) => h.id)).toEqual(['healthmd']);
    expect(hook).toMatchObject({ language: 'node', types: ['markdown'] });
    const [command, ...args] = hook.entry.split(' ');
    expect(Object.keys(pkg.bin)).toContain(command);
    expect(args).toEqual(['lint']);
    const files = new RegExp(hook.files);
    expect(['articles/back-pain.md', 'articles/sub/knee.md'].every((file) => files.test(file))).toBe(true);
    expect(['README.md', 'docs/articles/x.md'].some((file) => files.test(file))).toBe(false);
  });

  it('run as pre-commit runs it (the entry, then the staged file names), it fails the commit on a bad article only', async () => {
    const dir = tempProject({ 'articles/good.md': GOOD, 'articles/bad.md': GOOD.replace(/\n## Disclaimer[\s\S]*$/, '\n') });
    const args = hook.entry.split(' ').slice(1);
    const env = { HEALTHMD_NOW: '2024-06-01' };
    const bad = await runCli([...args, 'articles/good.md', 'articles/bad.md'], { cwd: dir, env });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/articles\/bad\.md[\s\S]*disclaimer-present/);
    const good = await runCli([...args, 'articles/good.md'], { cwd: dir, env });
    expect(good).toMatchObject({ code: 0, stdout: '' });
  });
});

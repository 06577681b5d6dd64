import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../site/support/corpus.js';
import { listFiles } from '../site/support/project.js';
import { cleanArticle, runCli, tempProject } from './helpers.js';

const env = { HEALTHMD_NOW: '2026-12-01' };
/** Folders under dir (relative) that hold nothing. */
function emptyFolders(dir: string, prefix = ''): string[] {
  const names = readdirSync(path.join(dir, prefix));
  const below = names.filter((name) => statSync(path.join(dir, prefix, name)).isDirectory()).flatMap((name) => emptyFolders(dir, prefix ? `${prefix}/${name}` : name));
  return names.length === 0 ? [prefix] : below;
}
const tree = (dir: string) => Object.fromEntries(listFiles(dir).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));

// A site of 500 articles or more is linted while its pages are written: the new output must still
// replace the previous one only when the whole lint has passed.
describe('a large site written while it is linted', () => {
  it('keeps the previous output when the first or the last article fails the lint, and builds once it passes', async () => {
    const project = await generateCorpus(path.join(tempProject(), 'site'), 520);
    const first = await runCli(['build', '--quiet'], { cwd: project, env, timeout: 120_000 });
    expect(first.code, first.stderr).toBe(0);
    const before = tree(path.join(project, 'public'));
    const articles = listFiles(path.join(project, 'articles')).sort();
    const retitle = (file: string) => {
      const full = path.join(project, 'articles', file);
      writeFileSync(full, readFileSync(full, 'utf8').replace(/^title: "/m, 'title: "Revised: '));
    };
    for (const file of articles) retitle(file);

    for (const broken of [articles[0], articles[articles.length - 1]]) {
      const full = path.join(project, 'articles', broken);
      const text = readFileSync(full, 'utf8');
      writeFileSync(full, text.replace(/\n## Disclaimer\n[\s\S]*$/, '\n'));
      const run = await runCli(['build'], { cwd: project, env, timeout: 120_000 });
      expect(run.code, broken).toBe(1);
      expect(run.stdout + run.stderr).toContain(broken);
      expect(run.stdout + run.stderr).toContain('disclaimer-present');
      expect(tree(path.join(project, 'public')), `${broken}: the previous output`).toEqual(before);
      writeFileSync(full, text);
    }

    const passing = await runCli(['build', '--quiet'], { cwd: project, env, timeout: 120_000 });
    expect(passing.code, passing.stderr).toBe(0);
    expect(readFileSync(path.join(project, 'public', 'index.html'), 'utf8')).toContain('Revised: ');
    // The stopped builds' staging folders go (in the background).
    for (let i = 0; i < 200 && readdirSync(project).some((name) => name.includes('.healthmd-build-')); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(project).filter((name) => name.includes('.healthmd-build-'))).toEqual([]);
  }, 240_000);

  it('makes folders only for the articles it publishes, while it reads them', async () => {
    const project = await generateCorpus(path.join(tempProject(), 'site'), 510);
    // Left out, each in a folder of its own: nothing of them may be in the output, not even an empty folder.
    const leftOut = {
      'drafts-only/plan.md': cleanArticle('A Plan', { extra: 'draft: true\n' }),
      'not-yet/later.md': cleanArticle('Later', { date: '2027-03-01' }),
      'jekyll-off/off.md': cleanArticle('Off', { extra: 'published: false\n' }),
    };
    for (const [file, text] of Object.entries(leftOut)) {
      mkdirSync(path.dirname(path.join(project, 'articles', file)), { recursive: true });
      writeFileSync(path.join(project, 'articles', file), text);
    }
    const run = await runCli(['build', '--quiet'], { cwd: project, env, timeout: 120_000 });
    expect(run.code, run.stderr).toBe(0);
    const out = path.join(project, 'public');
    expect(emptyFolders(out)).toEqual([]);
    const pages = listFiles(out).filter((file) => file.endsWith('/index.html'));
    expect(pages.filter((file) => /drafts-only|not-yet|jekyll-off/.test(file))).toEqual([]);
    expect(pages.filter((file) => file.startsWith('articles/topic-'))).toHaveLength(510);

    // Published with --drafts, the two drafts get their pages.
    const drafts = await runCli(['build', '--quiet', '--drafts'], { cwd: project, env, timeout: 120_000 });
    expect(drafts.code, drafts.stderr).toBe(0);
    expect(emptyFolders(out)).toEqual([]);
    expect(listFiles(out).filter((file) => /^articles\/(drafts-only|not-yet|jekyll-off)\//.test(file))).toEqual(['articles/drafts-only/plan/index.html', 'articles/jekyll-off/off/index.html']);
  }, 240_000);
});

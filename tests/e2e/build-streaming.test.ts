import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle, healthArticle, runCli, tempProject } from './helpers.js';
import { listFiles } from '../site/support/project.js';

const env = { HEALTHMD_NOW: '2024-06-01' };
/** Past this heap build keeps no whole article: every page and every link target is read again. */
const STREAMING = { ...env, HEALTHMD_KEEP_WHOLE_MB: '0' };

/** Articles that read each other: links with anchors, a draft linked to, translations, tags, an image, a title from the H1. */
function site(extra: Record<string, string> = {}): string {
  return tempProject({
    'articles/back-pain.md': cleanArticle('Back Pain', {
      // An old URL gets a redirect page; the other is sciatica's page, so unique-slug warns at its line.
      extra: 'tags: [spine, pain]\ntranslationKey: back\nimage: photo.png\nimageAlt: A person stretching\naliases:\n  - /old-back-pain/\n  - /articles/sciatica/\n',
      body: '\nSee [sciatica](sciatica.md#when-to-get-help), [the draft](draft.md) and ![a stretch](photo.png).\n',
    }),
    'articles/es/dolor-de-espalda.md': cleanArticle('Dolor de espalda', { extra: 'lang: es\ntranslationKey: back\ntags: [spine]\n' }),
    'articles/sciatica.md': cleanArticle('Sciatica', {
      extra: 'tags: [spine]\n',
      body: '\n## When to Get Help\n\nCall your doctor if the pain spreads down a leg. Back to [back pain](/articles/back-pain/).\n',
      date: '2024-04-02',
    }),
    'articles/draft.md': cleanArticle('A Draft', { extra: 'draft: true\n' }),
    'articles/untitled.md': healthArticle('# Opening Hours and Contact\n\nThe clinic is open every weekday.\n', { title: '' }).replace('title: \n', ''),
    'articles/photo.png': 'png',
    // The untitled page is reported, and still built.
    'healthmd.config.yaml': 'rules:\n  front-matter-schema: warn\n  unique-slug: warn\n',
    ...extra,
  });
}

async function build(cwd: string, out: string, buildEnv: Record<string, string>, args: string[] = []) {
  return runCli(['build', '--out', out, ...args], { cwd, env: buildEnv });
}

const tree = (dir: string) => Object.fromEntries(listFiles(dir).filter((file) => file !== '.healthmd-build.json').map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));

describe('build with whole articles read again (a site larger than memory)', () => {
  it('writes byte for byte what a build that keeps every article writes', async () => {
    const cwd = site();
    const kept = await build(cwd, 'kept', env);
    const streamed = await build(cwd, 'streamed', STREAMING);
    expect(kept.code).toBe(0);
    expect(streamed.code).toBe(0);
    expect(streamed.stderr).toBe(kept.stderr);
    const pages = tree(path.join(cwd, 'kept'));
    expect(Object.keys(pages)).toContain('articles/untitled/index.html');
    expect(pages['articles/untitled/index.html']).toContain('Opening Hours and Contact');
    expect(Object.keys(pages)).toContain('old-back-pain/index.html');
    expect(kept.stderr).toMatch(/back-pain\.md\n\s+14:5 .*alias-clash|14:5.*unique-slug/);
    expect(tree(path.join(cwd, 'streamed'))).toEqual(pages);
    // Drafts too, and the page of a link's target found again.
    await build(cwd, 'kept-drafts', env, ['--drafts']);
    await build(cwd, 'streamed-drafts', STREAMING, ['--drafts']);
    expect(tree(path.join(cwd, 'streamed-drafts'))).toEqual(tree(path.join(cwd, 'kept-drafts')));
  });

  it('stops on the same findings, anchors in other articles included', async () => {
    const cwd = site({ 'articles/sciatica.md': cleanArticle('Sciatica', { body: '\n## Getting Help\n\nCall your doctor.\n' }) });
    const kept = await build(cwd, 'kept', env);
    const streamed = await build(cwd, 'streamed', STREAMING);
    expect(kept.code).toBe(1);
    expect(kept.stderr).toMatch(/articles\/back-pain\.md\n(.*\n)*.*#when-to-get-help.*internal-links/);
    expect(streamed.code).toBe(1);
    expect(streamed.stdout).toBe(kept.stdout);
    expect(streamed.stderr).toBe(kept.stderr);
  });
});

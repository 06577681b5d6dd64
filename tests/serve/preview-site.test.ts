import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { PreviewSite, type SiteAnswer } from '../../src/serve/preview-site.js';
import { tempProject } from '../e2e/helpers.js';

const NOW = '2025-06-01';

function articleText(title: string, extra: string, body: string): string {
  return `---
title: ${title}
description: A short description of ${title} that is long enough for the description-length rule.
date: 2025-01-0${title.length % 9 || 1}
author: Sam Writer
reviewedBy: Dr Jo Reviewer
lastReviewed: 2025-05-01
tags: [care]
${extra}---
${body}

## Sources

- https://www.nhs.uk/

## Disclaimer

General information only.
`;
}

const FILES: Record<string, string> = {
  'articles/a.md': articleText('Alpha', '', 'Read [beta](b.md#section-two) and [gamma](sub/c.md).\n\n![Chart](images/chart.png)'),
  'articles/b.md': articleText('Beta', '', '## Section Two\n\nBeta body.'),
  'articles/sub/c.md': articleText('Gamma', '', 'Gamma body.'),
  'articles/d.md': articleText('Delta', 'draft: true\n', 'Delta body.'),
  'articles/images/chart.png': '\x89PNG\r\n\x1a\n',
};

function normalise(answer: SiteAnswer | undefined): unknown {
  if (!answer || answer.kind !== 'html') return answer;
  return { ...answer, body: answer.body.replace(/ data-version="\d+" data-instance="[0-9a-f]+"/g, '') };
}

/** What every address of the site answers, with page versions left out (a cold start has none). */
function snapshot(site: PreviewSite, paths: Iterable<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sitePath of [...new Set(paths)].sort()) out[sitePath] = normalise(site.answer(sitePath));
  return out;
}

describe('PreviewSite after a series of edits', () => {
  it('answers every page exactly as a site read afresh would', () => {
    const project = tempProject(FILES);
    const file = (name: string) => path.join(project, name);
    const make = () => new PreviewSite({ config: loadConfig(project), cwd: project, now: NOW, drafts: false, baseUrl: 'http://127.0.0.1:4000/' });
    const site = make();
    const steps: [string, () => string[]][] = [
      ['drop the heading another article links to', () => (writeFileSync(file('articles/b.md'), FILES['articles/b.md'].replace('## Section Two', '## Section 2')), ['articles/b.md'])],
      ['retitle an article', () => (writeFileSync(file('articles/sub/c.md'), FILES['articles/sub/c.md'].replace('title: Gamma', 'title: Gamma Rays')), ['articles/sub/c.md'])],
      ['give an article a slug that clashes', () => (writeFileSync(file('articles/a.md'), FILES['articles/a.md'].replace('tags:', 'slug: b\ntags:')), ['articles/a.md'])],
      ['resolve the clash', () => (writeFileSync(file('articles/a.md'), FILES['articles/a.md']), ['articles/a.md'])],
      ['break the front matter', () => (writeFileSync(file('articles/a.md'), FILES['articles/a.md'].replace('author: Sam Writer', 'author: [Sam')), ['articles/a.md'])],
      ['mend it', () => (writeFileSync(file('articles/a.md'), FILES['articles/a.md']), ['articles/a.md'])],
      ['remove an image a page shows', () => (rmSync(file('articles/images/chart.png')), ['articles/images/chart.png'])],
      ['delete a linked article', () => (rmSync(file('articles/b.md')), ['articles/b.md'])],
      ['publish a draft', () => (writeFileSync(file('articles/d.md'), FILES['articles/d.md'].replace('draft: true\n', '')), ['articles/d.md'])],
      ['add an article with a mistyped link', () => (writeFileSync(file('articles/sub/e.md'), articleText('Epsilon', '', 'See [gamma](cc.md).')), ['articles/sub/e.md'])],
      ['mistype a link in an article whose URL stays', () => (writeFileSync(file('articles/a.md'), FILES['articles/a.md'].replace('(sub/c.md)', '(sub/cc.md)')), ['articles/a.md'])],
    ];
    for (const [step, act] of steps) {
      const changed = act().map(file);
      const result = site.update(changed);
      const fresh = make();
      expect(site.sitePaths.sort(), step).toEqual(fresh.sitePaths.sort());
      const paths = [...fresh.sitePaths, 'articles/b/', 'articles/d/'];
      expect(snapshot(site, paths), step).toEqual(snapshot(fresh, paths));
      expect(result.pages === 'all' || result.pages.size > 0, step).toBe(true);
    }
  });

  it('changes nothing when a file is saved as it was', () => {
    const project = tempProject(FILES);
    const site = new PreviewSite({ config: loadConfig(project), cwd: project, now: NOW, drafts: false, baseUrl: 'http://127.0.0.1:4000/' });
    writeFileSync(path.join(project, 'articles/a.md'), FILES['articles/a.md']);
    const result = site.update([path.join(project, 'articles/a.md')]);
    expect(result.files).toEqual([]);
    expect(result.pages).toEqual(new Set());
    expect(result.linted).toBe(0);
    expect(site.needsReload('articles/a/', 0)).toBe(false);
  });
});

describe('PreviewSite findings', () => {
  it('reports an image reached through a symbolic link out of the project, which the page leaves out, as lint does', () => {
    const outside = tempProject({ 'spine.png': '\x89PNG\r\n\x1a\n' });
    const project = tempProject({ 'articles/a.md': articleText('Alpha', '', '![Spine](images/spine.png)') });
    mkdirSync(path.join(project, 'articles/images'));
    symlinkSync(path.join(outside, 'spine.png'), path.join(project, 'articles/images/spine.png'));
    const site = new PreviewSite({ config: loadConfig(project), cwd: project, now: NOW, drafts: false, baseUrl: 'http://127.0.0.1:4000/' });
    const answer = site.answer('articles/a/');
    expect(answer?.kind).toBe('html');
    const body = answer?.kind === 'html' ? answer.body : '';
    expect(body).not.toMatch(/<img[^>]*spine\.png/);
    expect(body).toContain('data-rule="link-safety"');
  });
});

describe('PreviewSite pages not published', () => {
  it('says why an article is not shown at its address, and what previews it: a draft, a future article, an expired one', () => {
    const project = tempProject({
      ...FILES,
      'articles/e.md': articleText('Epsilon', 'date: 2025-09-01\n', 'Later.').replace(/date: 2025-01-0\d\n/, ''),
      'articles/f.md': articleText('Phi', 'expiryDate: 2025-03-31\n', 'Over.'),
    });
    const site = new PreviewSite({ config: loadConfig(project), cwd: project, now: NOW, drafts: false, baseUrl: 'http://127.0.0.1:4000/' });
    const said = (sitePath: string) => {
      const answer = site.answer(sitePath);
      return answer?.kind === 'html' ? [answer.status, /<p>([^<]*(?:draft|today|expiryDate|Nothing)[^<]*)<\/p>/.exec(answer.body)?.[1].replace(/&#39;/g, "'")] : answer;
    };
    expect(said('articles/d/')).toEqual([404, "articles/d.md is a draft: restart with 'healthmd serve --drafts' to preview it."]);
    expect(said('articles/e/')).toEqual([404, "articles/e.md is dated after today (2025-09-01): restart with 'healthmd serve --future' to preview it."]);
    expect(said('articles/f/')).toEqual([404, 'articles/f.md is past its expiryDate (2025-03-31): remove the date or move it on to preview it.']);
  });
});

import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { articleRelPath, discoverArticles } from '../../src/core/discover.js';
import { UsageError } from '../../src/core/errors.js';
import { tempProject } from '../e2e/helpers.js';

const md = '---\ntitle: T\n---\nBody\n';

function project(extra: Record<string, string> = {}): string {
  return tempProject({
    'articles/a.md': md,
    'articles/sub/b.md': md,
    'articles/sub/deeper/c.MD': md,
    'articles/notes.txt': 'not markdown',
    'articles/.drafts/hidden.md': md,
    'articles/node_modules/pkg/readme.md': md,
    'public/built.md': md,
    'README.md': md,
    ...extra,
  });
}

const relPaths = (dir: string, paths?: string[], cwd = dir) => {
  const result = discoverArticles(loadConfig(dir), cwd, paths);
  return { rel: result.files.map((f) => f.relPath), problems: result.problems };
};

describe('discoverArticles', () => {
  it('walks the articles folder, sub-folders included, sorted', () => {
    const dir = project();
    expect(relPaths(dir).rel).toEqual(['a.md', 'sub/b.md', 'sub/deeper/c.MD']);
  });

  it('takes the Markdown extensions Jekyll and Hugo read: .markdown, .mdown, .mkdown, .mkdn, .mkd', () => {
    const dir = project({ 'articles/2024-01-15-flu.markdown': md, 'articles/x.MKD': md, 'articles/y.mdown': md, 'articles/z.mkdn': md, 'articles/w.mkdown': md, 'articles/v.mdx': md, 'articles/u.markdown.bak': md });
    expect(relPaths(dir).rel).toEqual(['2024-01-15-flu.markdown', 'a.md', 'sub/b.md', 'sub/deeper/c.MD', 'w.mkdown', 'x.MKD', 'y.mdown', 'z.mkdn']);
  });

  it('gives absolute paths', () => {
    const dir = project();
    const { files } = discoverArticles(loadConfig(dir), dir);
    expect(files[0].path).toBe(path.join(dir, 'articles', 'a.md'));
  });

  it('skips the output folder even when it sits inside the articles folder', () => {
    const dir = project({ 'healthmd.config.yaml': 'outDir: articles/_site\n', 'articles/_site/page.md': md });
    expect(relPaths(dir).rel).not.toContain('_site/page.md');
    expect(relPaths(dir).rel).toContain('a.md');
  });

  it('takes files, folders and globs, each file once', () => {
    const dir = project();
    expect(relPaths(dir, ['articles/sub']).rel).toEqual(['sub/b.md', 'sub/deeper/c.MD']);
    expect(relPaths(dir, ['articles/a.md', 'articles', 'articles/a.md']).rel).toEqual(['a.md', 'sub/b.md', 'sub/deeper/c.MD']);
    expect(relPaths(dir, ['articles/sub/*.md']).rel).toEqual(['sub/b.md']);
    expect(relPaths(dir, ['articles/**/*.md']).rel).toEqual(['a.md', 'sub/b.md']);
  });

  it('resolves paths from the working directory', () => {
    const dir = project();
    expect(relPaths(dir, ['b.md'], path.join(dir, 'articles', 'sub')).rel).toEqual(['sub/b.md']);
  });

  it('names files outside the articles folder relative to the project root', () => {
    const dir = project();
    expect(relPaths(dir, ['README.md']).rel).toEqual(['README.md']);
  });

  it('refuses a path that does not exist', () => {
    const dir = project();
    expect(() => discoverArticles(loadConfig(dir), dir, ['articles/missing.md'])).toThrow(UsageError);
  });

  it('refuses a project without an articles folder when no paths are given', () => {
    const dir = tempProject({ 'notes.md': md });
    expect(() => discoverArticles(loadConfig(dir), dir)).toThrow(UsageError);
  });

  it('reports a symlink out of the project and does not follow it', () => {
    const outside = tempProject({ 'secret.md': md, 'folder/x.md': md });
    const dir = project();
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'articles', 'linked.md'));
    symlinkSync(path.join(outside, 'folder'), path.join(dir, 'articles', 'linked-folder'));
    const { rel, problems } = relPaths(dir);
    expect(rel).toEqual(['a.md', 'sub/b.md', 'sub/deeper/c.MD']);
    expect(problems.map((p) => p.file).sort()).toEqual(['articles/linked-folder', 'articles/linked.md']);
    // Named directly, it is still not followed.
    const direct = relPaths(dir, ['articles/linked.md']);
    expect(direct.rel).toEqual([]);
    expect(direct.problems).toHaveLength(1);
  });

  it('follows a symlink to a file inside the project, and reports a broken one', () => {
    const dir = project({ 'shared/common.md': md });
    symlinkSync(path.join(dir, 'shared', 'common.md'), path.join(dir, 'articles', 'common.md'));
    symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'articles', 'broken.md'));
    const { rel, problems } = relPaths(dir);
    expect(rel).toContain('common.md');
    expect(problems.map((p) => p.file)).toEqual(['articles/broken.md']);
  });

  it('finds nothing, without failing, in an empty articles folder', () => {
    const dir = tempProject();
    mkdirSync(path.join(dir, 'articles'));
    expect(relPaths(dir)).toEqual({ rel: [], problems: [] });
  });
});

describe('articleRelPath', () => {
  const config = loadConfig(tempProject({ 'articles/a.md': md }));
  const articles = path.join(config.root, 'articles');

  it('names a file in the articles folder relative to it, and one outside relative to the root', () => {
    expect(articleRelPath(config, path.join(articles, 'sub', 'b.md'))).toBe('sub/b.md');
    expect(articleRelPath(config, path.join(config.root, 'notes', 'c.md'))).toBe('notes/c.md');
  });

  it('gives the same name to a path written with empty, . and .. segments', () => {
    const sep = path.sep;
    expect(articleRelPath(config, `${articles}${sep}.${sep}a.md`)).toBe('a.md');
    expect(articleRelPath(config, `${articles}${sep}${sep}sub${sep}b.md`)).toBe('sub/b.md');
    expect(articleRelPath(config, `${articles}${sep}sub${sep}..${sep}a.md`)).toBe('a.md');
    expect(articleRelPath(config, `${articles}${sep}..${sep}README.md`)).toBe('README.md');
    expect(articleRelPath(config, `${articles}-old${sep}a.md`)).toBe('articles-old/a.md');
    expect(articleRelPath(config, `${articles}${sep}sub${sep}`)).toBe('sub');
  });

  it('follows a change of the articles folder', () => {
    const changed = { ...config, articlesDir: 'content' };
    expect(articleRelPath(changed, path.join(config.root, 'content', 'a.md'))).toBe('a.md');
    expect(articleRelPath(config, path.join(config.root, 'content', 'a.md'))).toBe('content/a.md');
  });
});

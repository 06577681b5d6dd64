import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticle, type Article } from '../../src/core/article.js';
import { defaultConfig } from '../../src/core/config.js';
import { createProject } from '../../src/core/project.js';
import { tempFolder } from '../support/temp-folders.js';

describe('createProject', () => {
  let root: string;
  let articles: string;
  beforeEach(() => {
    root = tempFolder('healthmd-project-');
    articles = path.join(root, 'articles');
    mkdirSync(articles);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const article = (relPath: string, frontMatter: string): Article =>
    parseArticle({ path: path.join(articles, relPath), relPath, content: `---\ntitle: ${relPath}\n${frontMatter}---\nText.\n` });

  it('publishes what selectPublished publishes and still answers for drafts with the article it was given, parsed once', () => {
    const live = article('live.md', '');
    const draft = article('draft.md', 'draft: true\n');
    const loads: string[] = [];
    const project = createProject({ config: defaultConfig(root), articles: [live, draft], publish: { now: '2026-01-01' }, load: (file) => (loads.push(file), undefined) });
    expect(project.published).toEqual([live]);
    expect(project.article(draft.path)).toBe(draft);
    expect(project.exists(draft.path)).toBe(true);
    expect(loads).toEqual([]);
  });

  it('reads an article outside its set from disk on demand, once, and answers undefined for a missing one', () => {
    const other = path.join(articles, 'other.md');
    writeFileSync(other, '---\ntitle: Other\n---\nText.\n');
    const project = createProject({ config: defaultConfig(root), articles: [] });
    const first = project.article(other);
    expect(first?.data.title).toBe('Other');
    expect(first?.relPath).toBe('other.md');
    expect(project.article(other)).toBe(first);
    expect(project.article(path.join(articles, 'missing.md'))).toBeUndefined();
    expect(project.exists(other)).toBe(true);
    expect(project.exists(path.join(articles, 'missing.md'))).toBe(false);
  });

  it('uses the given loader for articles outside its set (lint reads those through their front matter only)', () => {
    const stand = article('elsewhere.md', '');
    const project = createProject({ config: defaultConfig(root), articles: [], load: (file) => (file === stand.path ? stand : undefined) });
    expect(project.article(stand.path)).toBe(stand);
  });

  it('counts a symbolic link out of the project as existing but not as a project file', () => {
    const outside = tempFolder('healthmd-outside-');
    try {
      writeFileSync(path.join(outside, 'secret.png'), 'x');
      writeFileSync(path.join(root, 'inside.png'), 'x');
      symlinkSync(path.join(outside, 'secret.png'), path.join(root, 'link.png'));
      const project = createProject({ config: defaultConfig(root), articles: [] });
      expect(project.isProjectFile(path.join(root, 'inside.png'))).toBe(true);
      expect(project.exists(path.join(root, 'link.png'))).toBe(true);
      expect(project.isProjectFile(path.join(root, 'link.png'))).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutputItem } from '../../src/render/site-renderer.js';
import type { Theme } from '../../src/render/theme.js';
import { inlineStylesheet, singleFileLinks, singleFileOf, singleFilePages } from '../../src/site/export-single-file.js';
import { tempProject } from '../e2e/helpers.js';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAKElEQVR4nAXBgQAAAAzDsOIM4hDDOdghivUEQUZWDoMZs+aw2LFr7wEYNg95p5olrgAAAABJRU5ErkJggg==', 'base64');

describe('single-file names and links', () => {
  it('names a folder page after its folder, and keeps the home page', () => {
    expect(singleFileOf('index.html')).toBe('index.html');
    expect(singleFileOf('articles/back-pain/index.html')).toBe('articles/back-pain.html');
    expect(singleFileOf('page/2/index.html')).toBe('page/2.html');
    expect(singleFileOf('tags/women-s-health/index.html')).toBe('tags/women-s-health.html');
  });

  it('links pages to each other’s files, and a linked image file to the published site', () => {
    const link = singleFileLinks('https://example.org/health/');
    expect(link('index.html', 'articles/a/b/')).toBe('articles/a/b.html');
    expect(link('articles/a/b/index.html', '')).toBe('../../index.html');
    expect(link('articles/a/b/index.html', 'articles/c/')).toBe('../c.html');
    expect(link('articles/a/b/index.html', 'articles/a/b/')).toBe('b.html');
    expect(link('articles/a/index.html', 'tags/back pain/')).toBe('../tags/back%20pain.html');
    expect(link('articles/a/index.html', 'assets/media/images/x.png')).toBe('https://example.org/health/assets/media/images/x.png');
  });
});

describe('inlineStylesheet', () => {
  const css = 'body { color: red; }\n';

  it('replaces the stylesheet link, however its attributes are written', () => {
    for (const tag of [
      '<link rel="stylesheet" href="../style.css">',
      "<link href='../style.css' rel='stylesheet' />",
      '<LINK REL="Stylesheet" HREF="../style.css" media=all>',
      '<link rel=stylesheet href=../style.css>',
    ]) {
      expect(inlineStylesheet(`<head>${tag}</head>`, '../style.css', css), tag).toBe(`<head><style>\n${css}</style></head>`);
    }
  });

  it('leaves other links alone: canonical, icons, other stylesheets', () => {
    const head = '<link rel="canonical" href="../style.css"><link rel="icon" href="x.png"><link rel="stylesheet" href="other.css">';
    expect(inlineStylesheet(head, '../style.css', css)).toBe(head);
  });
});

describe('singleFilePages', () => {
  function theme(files: Record<string, string | Buffer>): Theme {
    const dir = tempProject(Object.fromEntries(Object.entries(files).map(([name, content]) => [`theme/${name}`, content])));
    return { templates: new Map(), assets: new Map(Object.keys(files).map((name) => [name, path.join(dir, 'theme', name)])) };
  }
  const page = (file: string, depth: number): OutputItem => ({ path: file, content: `<head><link rel="stylesheet" href="${'../'.repeat(depth)}assets/style.css"></head>` });
  const link = singleFileLinks('https://example.org/');

  it('writes pages only, under their single-file names, each with the stylesheet inside', () => {
    const site = theme({ 'assets/style.css': 'h1 { margin: 0; }' });
    const items: OutputItem[] = [
      { path: 'assets/style.css', copyFrom: site.assets.get('assets/style.css')! },
      page('index.html', 0),
      // Rendered with the single-file links, so its stylesheet is one folder up, from articles/a.html.
      page('articles/a/index.html', 1),
      { path: 'assets/media/x.png', copyFrom: '/nowhere/x.png' },
    ];
    expect([...singleFilePages(items, site, link)]).toEqual([
      { path: 'index.html', content: '<head><style>\nh1 { margin: 0; }</style></head>' },
      { path: 'articles/a.html', content: '<head><style>\nh1 { margin: 0; }</style></head>' },
    ]);
  });

  it('inlines the theme’s images the stylesheet uses, and cannot be closed early by the CSS', () => {
    const site = theme({ 'assets/style.css': '.logo { background: url("img/logo.png") } .x::after { content: "</style><script>" }', 'assets/img/logo.png': PNG });
    const [out] = [...singleFilePages([page('index.html', 0)], site, link)] as { content: string }[];
    expect(out.content).toContain(`url("data:image/png;base64,${PNG.toString('base64')}")`);
    // Inside <style> only `</style` ends the element; the escaped one stays CSS.
    expect(out.content.match(/<\/style/gi)).toHaveLength(1);
  });

  it('leaves URLs the theme does not hold as they are', () => {
    const site = theme({ 'assets/style.css': '@font-face { src: url(fonts/a.woff2) } .b { background: url(https://cdn.example.org/b.png) }' });
    const [out] = [...singleFilePages([page('index.html', 0)], site, link)] as { content: string }[];
    expect(out.content).toContain('url(fonts/a.woff2)');
    expect(out.content).toContain('url(https://cdn.example.org/b.png)');
  });
});

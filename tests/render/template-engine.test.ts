import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { TemplateEngine, TemplateError } from '../../src/render/template-engine.js';
import type { Theme } from '../../src/render/theme.js';
import { loadTheme } from '../../src/site/load-theme.js';
import { article, renderSite } from './support/site.js';
import { tempFolder } from '../support/temp-folders.js';

function theme(templates: Record<string, string>): Theme {
  return {
    templates: new Map(Object.entries(templates).map(([name, text]) => [name, { name, file: `/themes/${name}`, text }])),
    assets: new Map(),
  };
}

function projectTemplates(files: Record<string, string>): string {
  const dir = tempFolder('healthmd-templates-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('TemplateEngine', () => {
  it('escapes every value unless the template says raw', () => {
    const engine = new TemplateEngine(theme({ 'page.liquid': '{{ a }}|{{ a | raw }}|<p title="{{ q }}">' }));
    expect(engine.render('page', { a: '<b>&', q: '"><script>' })).toBe('&lt;b&gt;&amp;|<b>&|<p title="&#34;&gt;&lt;script&gt;">');
  });

  it('escapes every value as liquidjs escapes it, in a compiled template and in liquidjs alike (a property over values)', () => {
    const liquid = new Liquid({ outputEscape: 'escape' });
    // `forloop` keeps the second template out of the compiler: liquidjs renders it.
    const engine = new TemplateEngine(theme({ 'compiled.liquid': '{{ v }}', 'liquid.liquid': '{% for x in list %}{{ forloop.index }}{% endfor %}{{ v }}' }));
    const value = fc.oneof(fc.string({ unit: fc.constantFrom('a', ' ', '&', '<', '>', '"', "'", 'é', '&amp;') }), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
    fc.assert(
      fc.property(value, (v) => {
        const expected = liquid.parseAndRenderSync('{{ v }}', { v });
        expect(engine.render('compiled', { v })).toBe(expected);
        expect(engine.render('liquid', { v, list: [] })).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('shows templates only the values they are given, not prototype properties', () => {
    const engine = new TemplateEngine(theme({ 'page.liquid': '[{{ obj.inherited }}{{ obj.constructor }}{{ obj.own }}]' }));
    expect(engine.render('page', { obj: Object.assign(Object.create({ inherited: 'secret' }), { own: 'ok' }) })).toBe('[ok]');
  });

  it('names the template file and line of a parse error', () => {
    const engine = new TemplateEngine(theme({ 'page.liquid': 'one\n{% if x %}\nnever closed\n' }));
    const error = (() => {
      try {
        engine.check(['page']);
      } catch (e) {
        return e;
      }
    })() as TemplateError;
    expect(error).toBeInstanceOf(TemplateError);
    expect(error.file).toBe('/themes/page.liquid');
    expect(error.line).toBe(2);
    expect(error.exitCode).toBe(2);
  });

  it('names the partial where an error is, not the page that includes it', () => {
    const engine = new TemplateEngine(theme({ 'page.liquid': "a\n{% include 'partials/x' %}", 'partials/x.liquid': 'ok\nok\n{{ a | no_such_filter }}' }));
    expect(() => engine.render('page', {})).toThrow(expect.objectContaining({ file: '/themes/partials/x.liquid', line: 3 }));
  });

  it('includes only theme templates, never other files on disk', () => {
    const engine = new TemplateEngine(theme({ 'page.liquid': "{% include '../../../../etc/passwd' %}" }));
    expect(() => engine.render('page', {})).toThrow(TemplateError);
  });
});

describe('project template overrides', () => {
  it('replaces a built-in template or partial by a file of the same name', () => {
    const dir = projectTemplates({
      'partials/footer.liquid': '<footer class="custom">{{ site.title }} — {{ article.data.clinic }}</footer>',
      'assets/style.css': 'body{}',
      'articles/article.md': 'a scaffold, not a template',
    });
    const loaded = loadTheme(dir);
    expect(loaded.templates.get('partials/footer.liquid')?.file).toBe(path.join(dir, 'partials/footer.liquid'));
    expect(loaded.templates.get('article.liquid')?.file).not.toContain(dir);
    expect(loaded.assets.get('assets/style.css')).toBe(path.join(dir, 'assets/style.css'));
    expect([...loaded.templates.keys()].some((name) => name.startsWith('articles/'))).toBe(false);
    const html = renderSite([article('a.md', { title: 'A', clinic: '<Main St>' })], { theme: loaded }).text('articles/a/index.html');
    expect(html).toContain('<footer class="custom">Health articles — &lt;Main St&gt;</footer>');
  });

  it('ignores a template that is a symbolic link out of the templates folder', () => {
    const outside = projectTemplates({ 'secret.liquid': 'SECRET' });
    const dir = projectTemplates({});
    symlinkSync(path.join(outside, 'secret.liquid'), path.join(dir, 'layout.liquid'));
    expect(loadTheme(dir).templates.get('layout.liquid')?.text).not.toContain('SECRET');
  });
});

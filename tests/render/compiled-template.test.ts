import fc from 'fast-check';
import { Liquid } from 'liquidjs';
import { compileTemplate, renderContext } from '../../src/render/compiled-template.js';
import { describe, expect, it } from 'vitest';
import { TemplateEngine, TemplateError } from '../../src/render/template-engine.js';
import type { Theme } from '../../src/render/theme.js';
import { loadTheme } from '../../src/site/load-theme.js';

function theme(templates: Record<string, string>): Theme {
  return {
    templates: new Map(Object.entries(templates).map(([name, text]) => [name, { name, file: `/themes/${name}`, text }])),
    assets: new Map(),
  };
}

// Each construct compileTemplate supports, with the values liquidjs treats specially.
const TEMPLATES = {
  'conditions.liquid': [
    '{% if a %}A{{ a }}{% elsif b == c %}B{% else %}C{% endif %}',
    '{% if a != blank %}not blank{% endif %}{% if a == empty %}empty{% endif %}{% if a == nil %}nil{% endif %}',
    '{% if n > 2 and b %}gt{% endif %}{% if n <= 1 or c %}le{% endif %}{% if n >= b %}ge{% endif %}{% if b < n %}lt{% endif %}',
    '{% if a contains "x" %}has x{% endif %}{% if list contains a %}in list{% endif %}{% if list.size > 0 %}{{ list.size }}{% endif %}',
    '{% if obj.name %}{{ obj.name }}{% endif %}{% if obj["size"] %}{{ obj.size }}{% endif %}{{ list[0] }}{{ list[-1] }}',
  ].join('|'),
  'loops.liquid': '{% for x in list %}[{{ x }}|{{ x.name }}|{{ x | size }}]{% else %}none{% endfor %}{% for p in obj %}({{ p[0] }}={{ p[1] }}){% endfor %}{% for ch in a %}<{{ ch }}>{% endfor %}{{ list.first }}{{ list.last }}{{ obj.size }}',
  'filters.liquid': '{{ a | default: "d" }}|{{ list | join: ", " }}|{{ a | upcase }}|{{ a | append: b }}|{{ a | raw }}|{{ n | plus: 1 }}|{{ list | first }}|{{ a | size }}|{{ a | escape_once }}',
  'page.liquid': "{% layout 'base' %}{% comment %}c{% endcomment %}{% block main %}[{{ a }}]{% endblock %}anonymous {{ b }}",
  'base.liquid': "<h>{% block head %}H{{ n }}{% endblock %}</h>{% block %}{% endblock %}<m>{% block main %}M{% endblock %}</m>{% include 'part' %}",
  'part.liquid': '{% block main %}P{% endblock %}{{ a }}{% for x in list %}{% include "leaf" %}{% endfor %}',
  'leaf.liquid': '{{ x }};',
};

const scalar = fc.oneof(fc.constant(undefined), fc.constant(null), fc.boolean(), fc.integer({ min: -3, max: 5 }), fc.constantFrom('', ' ', 'x', 'ax b', '<&">\'', '3'));
const item = fc.oneof(scalar, fc.record({ name: scalar }, { requiredKeys: [], noNullPrototype: true }));
const values = fc.record(
  {
    a: fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })),
    b: scalar,
    c: scalar,
    n: scalar,
    list: fc.oneof(fc.constant(undefined), fc.array(item, { maxLength: 4 })),
    obj: fc.oneof(fc.constant(undefined), fc.record({ name: scalar, size: scalar }, { requiredKeys: [], noNullPrototype: true }), fc.dictionary(fc.constantFrom('k', 'l'), scalar, { noNullPrototype: true })),
  },
  { requiredKeys: [], noNullPrototype: true },
);

describe('compiled templates', () => {
  it('compile the built-in theme', () => {
    const engine = new TemplateEngine(loadTheme(undefined));
    for (const name of ['article', 'index', 'tag']) expect(engine.isCompiled(name), name).toBe(true);
  });

  it('make what liquidjs makes, for any values', () => {
    const engine = new TemplateEngine(theme(TEMPLATES));
    for (const name of ['conditions', 'loops', 'filters', 'page']) expect(engine.isCompiled(name), name).toBe(true);
    fc.assert(
      fc.property(fc.constantFrom('conditions', 'loops', 'filters', 'page'), values, (name, context) => {
        expect(engine.render(name, context)).toBe(engine.renderWithLiquid(name, context));
      }),
      { numRuns: 2000 },
    );
  });

  it('leave to liquidjs what they do not support, which renders it', () => {
    const engine = new TemplateEngine(
      theme({
        'loop-variable.liquid': '{% for x in list %}{{ forloop.index }}{% endfor %}',
        'assign.liquid': '{% assign y = a %}{{ y }}',
        'range.liquid': '{% for i in (1..3) %}{{ i }}{% endfor %}',
        'include-with.liquid': "{% include 'leaf' with a %}",
        'limit.liquid': '{% for x in list limit: 1 %}{{ x }}{% endfor %}',
        'super.liquid': "{% layout 'base' %}{% block main %}{{ block.super }}!{% endblock %}",
        'base.liquid': '{% block main %}M{% endblock %}',
        'leaf.liquid': '{{ leaf }};',
        // A block inside a block (through an if) shows the page's; two page blocks of one name.
        'nested.liquid': "{% layout 'outer' %}{% block sub %}PAGE{% endblock %}",
        'outer.liquid': '{% block content %}{% if true %}{% block sub %}default{% endblock %}{% endif %}{% endblock %}',
        'twice.liquid': "{% layout 'base' %}{% block main %}first{% endblock %}{% block main %}second{% endblock %}",
        // A template that includes itself, down a tree.
        'tree.liquid': '({{ node.name }}{% for node in node.children %}{% include "tree" %}{% endfor %})',
      }),
    );
    const context = { a: 'A', list: ['p', 'q'], node: { name: 'r', children: [{ name: 's', children: [{ name: 't' }] }, { name: 'u' }] } };
    const expected: Record<string, string> = { 'loop-variable': '12', assign: 'A', range: '123', 'include-with': 'A;', limit: 'p', super: 'M!', tree: '(r(s(t))(u))', nested: 'PAGE', twice: 'first' };
    for (const [name, html] of Object.entries(expected)) {
      expect(engine.isCompiled(name), name).toBe(false);
      expect(engine.render(name, context), name).toBe(html);
    }
  });

  it('report a failure while rendering as liquidjs does, naming the template', () => {
    const engine = new TemplateEngine(theme({ 'page.liquid': 'a\n{{ value.broken }}' }));
    expect(engine.isCompiled('page')).toBe(true);
    const value = {
      get broken(): string {
        throw new Error('boom');
      },
    };
    expect(() => engine.render('page', { value })).toThrow(TemplateError);
    expect(() => engine.render('page', { value })).toThrow(expect.objectContaining({ file: '/themes/page.liquid', line: 2 }));
  });

  it('stop a page that runs past the time limit, as liquidjs does', () => {
    const liquid = new Liquid({ renderLimit: 40 });
    const compiled = compileTemplate(liquid, liquid.parse('{% for x in list %}{{ x.slow }}{% endfor %}'))!;
    expect(compiled).toBeDefined();
    const slow = {
      get slow(): string {
        const until = performance.now() + 25;
        while (performance.now() < until);
        return 's';
      },
    };
    expect(() => compiled(renderContext(liquid, { list: [slow, slow, slow] }))).toThrow(/limit/);
  });

  it('render the rest of a page whose own anonymous block the layout shows, as liquidjs does', () => {
    const engine = new TemplateEngine(theme({ 'page.liquid': "{% layout 'base' %}{% block %}anon{% endblock %}{{ v.broken }}", 'base.liquid': '[{% block %}{% endblock %}]' }));
    expect(engine.isCompiled('page')).toBe(true);
    expect(engine.render('page', { v: { broken: 'x' } })).toBe('[anon]');
    const v = {
      get broken(): string {
        throw new Error('boom');
      },
    };
    expect(() => engine.render('page', { v })).toThrow(TemplateError);
  });
});

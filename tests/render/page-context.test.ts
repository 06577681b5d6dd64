import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { madeOnRead } from '../../src/render/page-context.js';
import { TemplateEngine } from '../../src/render/template-engine.js';
import type { Theme } from '../../src/render/theme.js';

// What a theme's list template may do with `posts`: size, first and last, an index, a loop with
// its options and forloop, filters that walk the list.
const LIST =
  '{{ posts.size }}|{{ posts.first.title }}|{{ posts.last.title }}|{{ posts[1].title }}|' +
  '{% for post in posts %}[{{ post.title }}]{% else %}none{% endfor %}|' +
  '{% for post in posts limit: 2 offset: 1 reversed %}{{ forloop.index }}{{ post.title }}{% endfor %}|' +
  "{{ posts | map: 'title' | join: ',' }}|{{ posts | where: 'draft' | size }}|{{ posts | json }}";

const theme: Theme = {
  templates: new Map([
    ['list.liquid', { name: 'list.liquid', file: '/themes/list.liquid', text: LIST }],
  ]),
  assets: new Map(),
};

const summary = (title: string) => ({ title: `<${title}>`, draft: title.startsWith('d') });

describe('madeOnRead', () => {
  const engine = new TemplateEngine(theme);

  it('is, to a template, the array of what it makes', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 5 }), (titles) => {
        const made = { posts: madeOnRead(titles, summary) };
        const expected = engine.renderWithLiquid('list', { posts: titles.map(summary) });
        expect(engine.renderWithLiquid('list', made)).toBe(expected);
        expect(engine.render('list', made)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('makes each element as it is read, and keeps none', () => {
    let made = 0;
    const posts = madeOnRead(['a', 'b', 'c'], (title) => {
      made += 1;
      return summary(title);
    });
    expect(made).toBe(0);
    expect([...posts].map((post) => post.title)).toEqual(['<a>', '<b>', '<c>']);
    expect(made).toBe(3);
    expect(posts[0]).not.toBe(posts[0]);
    expect(made).toBe(5);
    expect(Array.isArray(posts)).toBe(true);
    expect(posts.length).toBe(3);
    expect(posts[3]).toBeUndefined();
    expect(made).toBe(5);
  });
});

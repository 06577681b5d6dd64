import { parse, parseFragment } from 'parse5';
import { describe, expect, it } from 'vitest';
import { renderArticleHtml, type ArticleHtmlOptions } from '../../src/render/article-html.js';
import { article } from './support/site.js';

const keepUrls: ArticleHtmlOptions = { allowHtml: false, url: (href) => href };
const render = (body: string, options: ArticleHtmlOptions = keepUrls) => renderArticleHtml(article('a.md', { title: 'A' }, body), options);

describe('renderArticleHtml', () => {
  it('gives headings their stable ids, a link to themselves and a table of contents', () => {
    const html = render('Intro.\n\n## Symptoms\n\nText.\n\n### Early signs\n\nMore.\n\n## Symptoms\n\nAgain.\n\n#### Deep\n');
    expect(html.body).toContain('<h2 id="symptoms"><a class="heading-anchor" href="#symptoms">Symptoms</a></h2>');
    expect(html.body).toContain('<h3 id="early-signs">');
    expect(html.body).toContain('<h2 id="symptoms-1">');
    expect(html.toc).toEqual([
      { id: 'symptoms', text: 'Symptoms', depth: 2, children: [{ id: 'early-signs', text: 'Early signs', depth: 3, children: [] }] },
      { id: 'symptoms-1', text: 'Symptoms', depth: 2, children: [] },
    ]);
  });

  it('does not nest a link in the self-link of a heading that holds one', () => {
    const html = render('## See [NHS](https://www.nhs.uk/)\n');
    expect(html.body).toBe('<h2 id="see-nhs">See <a href="https://www.nhs.uk/">NHS</a></h2>\n');
  });

  it('takes the sources and disclaimer sections out of the body, keeping page order in the contents', () => {
    const html = render('## Disclaimer\n\nNot advice.\n\n## Causes\n\nText.\n\n## References\n\n- [NHS](https://www.nhs.uk/)\n\n### Books\n\n- One\n');
    expect(html.body).not.toContain('Not advice');
    expect(html.body).not.toContain('nhs.uk');
    expect(html.sources).toMatchObject({ id: 'references', title: 'References' });
    expect(html.sources?.html).toContain('<a href="https://www.nhs.uk/">NHS</a>');
    expect(html.sources?.html).toContain('<h3 id="books">');
    expect(html.disclaimer).toMatchObject({ id: 'disclaimer', title: 'Disclaimer', html: '<p>Not advice.</p>\n' });
    expect(html.toc.map((e) => [e.id, e.children.map((c) => c.id)])).toEqual([
      ['causes', []],
      ['references', ['books']],
      ['disclaimer', []],
    ]);
  });

  it('passes every link and image URL through the resolver, dropping what it refuses but keeping the words', () => {
    const seen: string[] = [];
    const html = render('[ok](./b.md#x) and [gone](./missing.md) and ![alt text](img.png "T") ![lost](nope.png)\n', {
      allowHtml: false,
      url: (href, use) => {
        seen.push(`${use}:${href}`);
        return href.startsWith('./b.md') ? '/articles/b/#x' : href === 'img.png' ? '/assets/media/img.png' : undefined;
      },
    });
    expect(seen).toEqual(['link:./b.md#x', 'link:./missing.md', 'image:img.png', 'image:nope.png']);
    expect(html.body).toBe(
      '<p><a href="/articles/b/#x">ok</a> and gone and <img src="/assets/media/img.png" alt="alt text" title="T" loading="lazy"> lost</p>\n',
    );
  });

  it('omits raw HTML when allowHtml is false, as Hugo does by default', () => {
    const html = render('<div class="x">block</div>\n\nText <b onclick="x()">bold</b> here.\n\n<script>alert(1)</script>\n');
    expect(html.body).toBe('<p>Text bold here.</p>\n');
  });

  it('sanitizes raw HTML with allowHtml true, keeping harmless markup', () => {
    const html = render(
      'Text <abbr title="National Health Service">NHS</abbr> <b onclick="x()">bold</b>.\n\n<script>alert(1)</script>\n\n<iframe src="https://x.example/"></iframe>\n\n<a href="javascript:alert(1)">js</a> <a href="b.md">b</a>\n',
      { allowHtml: true, url: (href) => (href === 'b.md' ? '/articles/b/' : href.startsWith('javascript') ? undefined : href) },
    );
    expect(html.body).toContain('<abbr title="National Health Service">NHS</abbr>');
    expect(html.body).toContain('<b>bold</b>');
    expect(html.body).not.toMatch(/script|iframe|onclick|javascript/i);
    expect(html.body).toContain('<a>js</a>');
    expect(html.body).toContain('<a href="/articles/b/">b</a>');
  });

  it('keeps heading ids of its own when sanitizing, never ids from raw HTML', () => {
    const html = render('## Causes\n\n<h3 id="Content">Raw</h3> <span>x</span>\n', { allowHtml: true, url: (href) => href });
    expect(html.body).toContain('<h2 id="causes">');
    expect(html.body).toContain('<h3>Raw</h3>');
  });

  it('keeps its own resolved URLs when sanitizing (they are not re-resolved)', () => {
    const html = render('<span>raw</span> [link](b.md)\n', { allowHtml: true, url: (href) => (href === 'b.md' ? '/articles/b/' : undefined) });
    expect(html.body).toBe('<p><span>raw</span> <a href="/articles/b/">link</a></p>\n');
  });

  it('writes tables without obsolete attributes, in a box that scrolls on small screens', () => {
    const html = render('| a | b |\n|:-:|--:|\n| 1 | 2 |\n');
    expect(html.body).not.toContain('align=');
    expect(html.body).toContain('<th class="align-center">a</th>');
    const box = parseFragment(html.body).childNodes[0] as unknown as { tagName: string; attrs: { name: string; value: string }[] };
    expect(box.tagName).toBe('div');
    expect(box.attrs).toContainEqual({ name: 'tabindex', value: '0' });
  });

  it('escapes text, code and attributes', () => {
    const html = render('A <not a tag & "quotes"\n\n`<b>`\n\n```html\n<script>x</script>\n```\n\n[x](https://e.example/?a=1&b="2")\n');
    const doc = parse(`<body>${html.body}</body>`);
    const serialized = JSON.stringify(doc, (key, value) => (key === 'parentNode' ? undefined : value));
    expect(serialized).not.toContain('"tagName":"script"');
    expect(html.body).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html.body).toContain('href="https://e.example/?a=1&amp;b=&quot;2&quot;"');
  });

  it('shows task list states without unlabelled form controls', () => {
    const html = render('- [x] done\n- [ ] open\n');
    expect(html.body).not.toContain('<input');
    expect(html.body).toContain('aria-label="done"');
  });
});

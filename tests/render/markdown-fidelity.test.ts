import { describe, expect, it } from 'vitest';
import { renderArticleHtml, type ArticleHtmlOptions } from '../../src/render/article-html.js';
import { article, renderSite } from './support/site.js';

const keepUrls: ArticleHtmlOptions = { html: 'sanitize', url: (href) => href };
const render = (body: string) => renderArticleHtml(article('a.md', { title: 'A' }, body), keepUrls).body;

describe('ordered lists keep the number the author wrote', () => {
  it('starts an ordered list after a paragraph at 1', () => {
    expect(render('Intro paragraph.\n\n1. First step\n2. Second step\n')).toBe(
      '<p>Intro paragraph.</p>\n<ol>\n<li>First step</li>\n<li>Second step</li>\n</ol>\n',
    );
  });

  it('keeps a list that starts at 3 or 10 wherever it stands', () => {
    const html = render('Intro.\n\n3. Third\n4. Fourth\n\nBetween.\n\n10. Tenth\n11. Eleventh\n');
    expect(html).toContain('<ol start="3">\n<li>Third</li>');
    expect(html).toContain('<ol start="10">\n<li>Tenth</li>');
  });

  it('numbers nested and quoted lists from what is written', () => {
    const html = render('Intro.\n\n- Bullet\n\n  1. Nested one\n  2. Nested two\n\n> Quote.\n>\n> 5. Quoted five\n');
    expect(html).toContain('<ol>\n<li>Nested one</li>');
    expect(html).toContain('<ol start="5">\n<li>Quoted five</li>');
    expect(html).not.toMatch(/start="(?!5")/);
  });
});

describe('links and images with an empty address', () => {
  const page = (body: string) => {
    const { text } = renderSite([article('a.md', { title: 'A', date: '2024-05-08' }, body)]);
    return text('articles/a/index.html');
  };

  it('show an image without a source as its alt words, never as <img src="">', () => {
    const html = page('Share this: ![share]() and ![print](<>) and ![space]( ).\n');
    expect(html).not.toMatch(/<img\b[^>]*src=""/);
    expect(html).toContain('<p>Share this: share and print and space.</p>');
  });

  it('show a link without an address as its text, not as a link to nowhere', () => {
    const html = page('Read [the leaflet]() and [the **plan**](<>).\n');
    expect(html).toContain('<p>Read the leaflet and the <strong>plan</strong>.</p>');
    expect(html).not.toContain('href=""');
  });
});

describe('character references in link and image attributes', () => {
  it('are published once, for the browser to decode, as marked does', () => {
    const html = render('[Map](https://maps.example.org/?a=1&amp;b=2 "Caf&eacute; &amp; bar") ![Chart](chart&#46;png "x&y")\n');
    expect(html).toBe(
      '<p><a href="https://maps.example.org/?a=1&amp;b=2" title="Caf&eacute; &amp; bar">Map</a> <img src="chart&#46;png" alt="Chart" title="x&amp;y" loading="lazy"></p>\n',
    );
  });
});

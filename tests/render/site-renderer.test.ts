import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/core/errors.js';
import { article, config, renderSite } from './support/site.js';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

function posts(count: number) {
  return Array.from({ length: count }, (_, i) =>
    article(`post-${String(i).padStart(2, '0')}.md`, { title: `Post ${i}`, description: `About ${i}`, date: `2024-01-${String(i + 1).padStart(2, '0')}`, author: 'A' }, `Body of post ${i}.\n`),
  );
}

describe('SiteRenderer', () => {
  it('writes an index paginated by pageSize, newest first, with further pages under page/N/', () => {
    const { output, text } = renderSite(posts(5), { config: config((c) => (c.pageSize = 2)) });
    expect([...output.keys()].filter((p) => p === 'index.html' || p.startsWith('page/'))).toEqual(['index.html', 'page/2/index.html', 'page/3/index.html']);
    expect(text('index.html').match(/Post \d/g)).toEqual(['Post 4', 'Post 3']);
    expect(text('page/3/index.html').match(/Post \d/g)).toEqual(['Post 0']);
    expect(text('page/2/index.html')).toContain('rel="prev" href="/"');
    expect(text('page/2/index.html')).toContain('rel="next" href="/page/3/"');
  });

  it('orders articles of the same day by title', () => {
    const a = article('z.md', { title: 'Alpha', date: '2024-01-01' });
    const b = article('a.md', { title: 'Beta', date: '2024-01-01' });
    const c = article('m.md', { title: 'Gamma', date: '2024-02-01' });
    const { renderer } = renderSite([b, c, a]);
    expect(renderer.model.entries.map((e) => e.title)).toEqual(['Gamma', 'Alpha', 'Beta']);
  });

  it('mirrors sub-folders in URLs so same-named files never collide, and honours slug', () => {
    const { output } = renderSite([article('a/guide.md', { title: 'A' }), article('b/guide.md', { title: 'B' }), article('c/x.md', { title: 'C', slug: 'custom' })]);
    expect(output.has('articles/a/guide/index.html')).toBe(true);
    expect(output.has('articles/b/guide/index.html')).toBe(true);
    expect(output.has('articles/c/custom/index.html')).toBe(true);
  });

  it('refuses two articles on one URL, naming both', () => {
    const build = () => renderSite([article('x.md', { title: 'X' }), article('y.md', { title: 'Y', slug: 'x' })]);
    expect(build).toThrow(ContentError);
    expect(build).toThrow(/x\.md and y\.md/);
  });

  it('rewrites links between articles to their pages, keeping anchors; drops links to articles not built', () => {
    const a = article('dir/a.md', { title: 'A' }, '[B](../other/b.md#risks) [self](./a.md) [draft](./draft.md) [top](#intro)\n');
    const b = article('other/b.md', { title: 'B' });
    const html = renderSite([a, b]).text('articles/dir/a/index.html');
    expect(html).toContain('<a href="/articles/other/b/#risks">B</a>');
    expect(html).toContain('<a href="/articles/dir/a/">self</a>');
    expect(html).toContain(' draft ');
    expect(html).toContain('<a href="#intro">top</a>');
  });

  it('drops links and images with unsafe schemes in every spelling', () => {
    const spellings = ['javascript:alert(1)', 'JavaScript:alert(1)', '&#106;avascript:alert(1)', 'java%73cript:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///etc/passwd'];
    const body = spellings.map((s, i) => `[link${i}](${s}) ![img${i}](${s})`).join('\n\n');
    const html = renderSite([article('a.md', { title: 'A' }, body)]).text('articles/a/index.html');
    for (let i = 0; i < spellings.length; i++) expect(html).toContain(`<p>link${i} img${i}</p>`);
  });

  it('copies images inside the project into assets/media and rewrites them; never what is outside or missing', () => {
    const a = article('sub/a.md', { title: 'A', image: 'img/hero.png', imageAlt: 'Hero' }, '![Spine](img/spine.png) ![Out](../../../etc/x.png) ![Gone](img/none.png) ![Svg](img/d.svg)\n');
    const { output, text } = renderSite([a], { files: ['articles/sub/img/spine.png', 'articles/sub/img/hero.png', 'articles/sub/img/d.svg', '../etc/x.png'] });
    expect(output.get('assets/media/articles/sub/img/spine.png')).toEqual({ path: 'assets/media/articles/sub/img/spine.png', copyFrom: '/project/articles/sub/img/spine.png' });
    const html = text('articles/sub/a/index.html');
    expect(html).toContain('<img src="/assets/media/articles/sub/img/spine.png" alt="Spine" loading="lazy">');
    expect(html).toContain('<meta property="og:image" content="https://example.org/assets/media/articles/sub/img/hero.png">');
    expect(html).toContain(' Out Gone Svg</p>');
    expect([...output.keys()].filter((p) => p.startsWith('assets/media/'))).toHaveLength(2);
  });

  it('publishes a site-root image from the project root (Jekyll) or static/ (Hugo) as a relative one is; leaves out one in neither', () => {
    const body = '![Diary](/uploads/diary.webp) ![Flow](/img/peak%20flow.png) ![Gone](/uploads/gone.png)\n\n<img src="/uploads/diary.webp" alt="Raw diary">\n';
    const a = article('a.md', { title: 'A', image: '/img/hero.png', imageAlt: 'Hero' }, body);
    const { output, text } = renderSite([a], { files: ['uploads/diary.webp', 'static/img/peak flow.png', 'static/img/hero.png'] });
    expect(output.get('assets/media/uploads/diary.webp')).toEqual({ path: 'assets/media/uploads/diary.webp', copyFrom: '/project/uploads/diary.webp' });
    expect(output.get('assets/media/static/img/peak flow.png')).toMatchObject({ copyFrom: '/project/static/img/peak flow.png' });
    const html = text('articles/a/index.html');
    expect(html).toContain('<img src="/assets/media/uploads/diary.webp" alt="Diary" loading="lazy"');
    expect(html).toContain('<img src="/assets/media/static/img/peak%20flow.png" alt="Flow" loading="lazy"');
    expect(html).toContain('<img src="/assets/media/uploads/diary.webp" alt="Raw diary"');
    expect(html).toContain('<meta property="og:image" content="https://example.org/assets/media/static/img/hero.png">');
    expect(html).toContain(' Gone</p>');
    expect([...output.keys()].filter((p) => p.startsWith('assets/media/'))).toHaveLength(3);
  });

  it('writes relative file links ending in index.html when asked (export)', () => {
    const a = article('dir/a.md', { title: 'A', tags: ['Back Pain'] }, '[B](../b.md)\n');
    const b = article('b.md', { title: 'B' });
    const { text } = renderSite([a, b], { linkStyle: 'relative', feeds: false });
    const html = text('articles/dir/a/index.html');
    expect(html).toContain('<a href="../../b/index.html">B</a>');
    expect(html).toContain('href="../../../assets/style.css"');
    expect(html).toContain('href="../../../tags/back-pain/index.html"');
    expect(html).not.toContain('feed.xml');
    expect(text('index.html')).toContain('href="articles/dir/a/index.html"');
  });

  it('writes tag pages under their slug', () => {
    const a = article('a.md', { title: 'A', date: '2024-01-01', tags: ["Women's Health", 'Screening'] });
    const b = article('b.md', { title: 'B', date: '2024-02-01', tags: ["women's health"] });
    const { text } = renderSite([a, b]);
    const page = text('tags/womens-health/index.html');
    expect([...page.matchAll(/<h2 class="post-card__title"><a href="([^"]+)">/g)].map((m) => m[1])).toEqual(['/articles/b/', '/articles/a/']);
    expect(text('tags/screening/index.html')).toContain('/articles/a/');
  });

  it('reads tags written as one text parted by commas as those tags, as their writers meant', () => {
    const a = article('a.md', { title: 'A', date: '2024-01-01', tags: 'stress, sleep , anxiety,' });
    const b = article('b.md', { title: 'B', date: '2024-02-01', tags: 'Sleep' });
    const { output, text } = renderSite([a, b]);
    expect([...output.keys()].filter((p) => p.startsWith('tags/')).sort()).toEqual(['tags/anxiety/index.html', 'tags/sleep/index.html', 'tags/stress/index.html']);
    expect(text('tags/sleep/index.html')).toContain('/articles/a/');
  });

  it('shows dates as calendar days in the site language and the article’s own language', () => {
    const a = article('a.md', { title: 'A', date: '2024-05-08', lastReviewed: '2024-06-01', reviewedBy: 'Dr R' });
    const b = article('b.md', { title: 'B', date: '2024-01-02', lang: 'de' });
    const { text } = renderSite([a, b]);
    expect(text('index.html')).toContain('<time datetime="2024-05-08">8 May 2024</time>');
    expect(text('articles/a/index.html')).toMatch(/Medically reviewed by <span class="byline__name">Dr R<\/span> on <time datetime="2024-06-01">1 June 2024<\/time>/);
    expect(text('articles/a/index.html')).toContain('Next review due <time datetime="2025-06-01">1 June 2025</time>');
    expect(text('articles/b/index.html')).toContain('<html lang="de">');
    expect(text('articles/b/index.html')).toContain('<time datetime="2024-01-02">2. Januar 2024</time>');
    const us = renderSite([a], { config: config((c) => { c.site.language = 'en-US'; c.site.dateFormat = 'medium'; }) });
    expect(us.text('index.html')).toContain('<time datetime="2024-05-08">May 8, 2024</time>');
  });

  it('lists the five newest other articles as latest posts', () => {
    const html = renderSite(posts(8)).text('articles/post-07/index.html');
    const latest = html.slice(html.indexOf('class="latest-posts"'));
    expect(latest.match(/Post \d/g)).toEqual(['Post 6', 'Post 5', 'Post 4', 'Post 3', 'Post 2']);
  });

  it('writes an Atom feed and a sitemap that parse as XML', () => {
    const a = article('a.md', { title: 'Tom & Jerry <3', description: 'D', date: '2024-05-08', updated: '2024-06-01', author: ['X', 'Y'], tags: ['T'] });
    const { text } = renderSite([a, ...posts(2)]);
    const feed = xml.parse(text('feed.xml')).feed;
    expect(feed.updated).toBe('2024-06-01T00:00:00Z');
    expect(feed.entry[0]).toMatchObject({ title: 'Tom & Jerry <3', id: 'https://example.org/articles/a/', published: '2024-05-08T00:00:00Z', updated: '2024-06-01T00:00:00Z' });
    expect(feed.entry[0].author).toEqual([{ name: 'X' }, { name: 'Y' }]);
    const urls = xml.parse(text('sitemap.xml')).urlset.url;
    expect(urls.map((u: { loc: string }) => u.loc)).toContain('https://example.org/articles/a/');
    expect(urls.find((u: { loc: string }) => u.loc === 'https://example.org/articles/a/').lastmod).toBe('2024-06-01');
  });

  it('carries undated articles in the feed, after the dated ones, with the build day as their time', () => {
    const undated = article('undated.md', { title: 'Undated', author: 'A' });
    const revised = article('revised.md', { title: 'Revised', author: 'A', updated: '2024-03-01' });
    const feed = xml.parse(renderSite([undated, revised, ...posts(2)], { now: '2024-06-01' }).text('feed.xml')).feed;
    expect(feed.entry.map((e: { title: string }) => e.title)).toEqual(['Post 1', 'Post 0', 'Revised', 'Undated']);
    const [, , revisedEntry, undatedEntry] = feed.entry;
    // No publication date is invented; Atom's required updated comes from what is known.
    expect(revisedEntry.published).toBeUndefined();
    expect(revisedEntry.updated).toBe('2024-03-01T00:00:00Z');
    expect(undatedEntry.published).toBeUndefined();
    expect(undatedEntry.updated).toBe('2024-06-01T00:00:00Z');
    expect(feed.updated).toBe('2024-06-01T00:00:00Z');
  });

  it('dates a feed of undated articles, or an empty one, at the build day, never 1970', () => {
    const onlyUndated = xml.parse(renderSite([article('a.md', { title: 'A' })], { now: '2025-02-03' }).text('feed.xml')).feed;
    expect(onlyUndated.updated).toBe('2025-02-03T00:00:00Z');
    expect(onlyUndated.entry).toMatchObject({ title: 'A', updated: '2025-02-03T00:00:00Z' });
    expect(xml.parse(renderSite([], { now: '2025-02-03' }).text('feed.xml')).feed.updated).toBe('2025-02-03T00:00:00Z');
  });

  it('writes years below 100 with four digits in the feed, sitemap, JSON-LD and <time datetime>', () => {
    const old = article('old.md', { title: 'Old', date: '0001-01-01', lastReviewed: '0050-03-04', author: 'A' });
    const { text } = renderSite([old]);
    expect(xml.parse(text('feed.xml')).feed.entry.published).toBe('0001-01-01T00:00:00Z');
    expect(xml.parse(text('sitemap.xml')).urlset.url.find((u: { loc: string }) => u.loc.endsWith('/old/')).lastmod).toBe('0050-03-04');
    const page = text('articles/old/index.html');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)![1]);
    expect(jsonLd).toMatchObject({ datePublished: '0001-01-01', lastReviewed: '0050-03-04' });
    expect(page).toContain('<time datetime="0001-01-01">1 January 0001</time>');
    expect(page).not.toMatch(/19(01|50)/);
    expect(text('index.html')).toContain('<time datetime="0001-01-01">1 January 0001</time>');
  });

  it('adds HTML before </body> through the serve hook, and only then', () => {
    const plain = renderSite(posts(1)).text('index.html');
    const hooked = renderSite(posts(1), { beforeBodyEnd: (page) => `<div id="overlay">${page.kind}</div>` }).text('index.html');
    expect(plain).not.toContain('overlay');
    expect(hooked).toContain('<div id="overlay">index</div></body>');
  });
});

describe('SiteRenderer edge cases', () => {
  it('shows the configured disclaimer on a medical article without its own, and none on a non-medical one', () => {
    const c = config((cfg) => {
      cfg.types.news = { requiredSections: [], medical: false };
      cfg.disclaimer.text = 'Ask your own doctor.';
    });
    const { text } = renderSite([article('a.md', { title: 'A' }), article('b.md', { title: 'B', type: 'news' })], { config: c });
    expect(text('articles/a/index.html')).toContain('<p>Ask your own doctor.</p>');
    expect(text('articles/b/index.html')).not.toContain('class="disclaimer"');
  });

  it('builds an empty site with an index that says so, a feed and a sitemap', () => {
    const { output, text } = renderSite([]);
    expect(text('index.html')).toContain('No articles have been published yet.');
    expect(output.has('feed.xml')).toBe(true);
    expect(output.has('sitemap.xml')).toBe(true);
  });

  it('gives an alias two articles claim to the one unique-slug keeps (the first file), whichever is newer', () => {
    // Listed newest first, the site holds b.md before a.md; lint goes by file, and reports b.md's alias.
    const a = article('a.md', { title: 'A', date: '2024-01-01', aliases: ['/old/'] });
    const b = article('b.md', { title: 'B', date: '2024-03-01', aliases: ['/old/'] });
    const { text } = renderSite([b, a]);
    expect(text('old/index.html')).toContain('href="/articles/a/"');
  });

  it('keeps an article without a date or title publishable (with --skip-lint), listed last', () => {
    const { renderer, text } = renderSite([article('untitled.md', {}), ...posts(1)]);
    expect(renderer.model.entries.map((e) => e.title)).toEqual(['Post 0', 'Untitled']);
    expect(text('articles/untitled/index.html')).toContain('<h1 class="article-header__title">Untitled</h1>');
  });

  it('titles an article without a title by its opening H1, shown once, and keeps its Sources apart', () => {
    const body = '# Vitamin D and your bones\n\nSunlight helps.\n\n## Sources\n\n- NHS. https://www.nhs.uk/\n';
    const { renderer, text } = renderSite([article('2019-05-03-vitamin-d-facts.md', { description: 'D' }, body)]);
    expect(renderer.model.entries[0].title).toBe('Vitamin D and your bones');
    const page = text('articles/vitamin-d-facts/index.html');
    // Once on the page: the title, the browser tab, Open Graph and JSON-LD; never again in the body.
    const main = page.slice(page.indexOf('<main'), page.indexOf('</main>'));
    expect(main.match(/Vitamin D and your bones/g)).toHaveLength(1);
    expect(page.match(/<h1\b/g)).toHaveLength(1);
    expect(page).toContain('<h1 class="article-header__title">Vitamin D and your bones</h1>');
    expect(page).toContain('<section class="sources" aria-labelledby="sources">');
    expect(text('index.html')).toContain('Vitamin D and your bones');
  });

  it('titles an article by its file name without the Jekyll date, for no title, `title: undefined` or `null`', () => {
    for (const title of [undefined, 'undefined', 'null', '  ']) {
      const data = title === undefined ? {} : { title };
      const { renderer, text } = renderSite([article('2019-05-03-vitamin-d-facts.md', data, 'Sunlight helps.\n')]);
      expect(renderer.model.entries[0].title, String(title)).toBe('Vitamin d facts');
      expect(text('articles/vitamin-d-facts/index.html')).not.toMatch(/>\s*(undefined|null)\s*</);
    }
  });

  it('shows footnotes on the page in the article\'s language, and keeps them out of the index excerpt', () => {
    const body = 'El reposo ayuda.[^1] Y el hielo.\n\n[^1]: Guía NICE NG59.\n';
    const { text, renderer } = renderSite([article('dolor.md', { title: 'Dolor', lang: 'es', date: '2024-01-01' }, body)]);
    const page = text('articles/dolor/index.html');
    expect(page).toContain('aria-label="Nota 1">1</a></sup>');
    expect(page).toContain('>Notas</h2>');
    expect(renderer.model.entries[0].excerptText).toBe('El reposo ayuda. Y el hielo.');
    expect(text('index.html')).not.toContain('[^1]');
  });
});


import { describe, expect, it } from 'vitest';
import { expandPermalink, unknownPlaceholders } from '../../src/core/permalinks.js';
import { siteLinks } from '../../src/render/site-links.js';
import { article, config, renderSite } from './support/site.js';

const chip = article('2019-05-03-are-my-children-eligible-for-chip.md', { title: 'Are my children eligible for CHIP?', tags: ['Children'], categories: 'coverage kids' });
const flu = article('vaccines/flu.md', { title: 'Flu vaccine', slug: 'flu-shot', date: '2020-10-01', aliases: ['/old/flu.html'], permalink: '/seasonal-flu/' });
const articles = [chip, flu];
const resolve = (href: string, permalinks: string[] = [], basePath?: string) =>
  siteLinks(articles, config((c) => (c.permalinks = permalinks)), { basePath }).resolve(href);

describe('siteLinks', () => {
  it("resolves the site's own URLs, with or without the trailing slash, index.html or .html", () => {
    for (const href of ['/articles/are-my-children-eligible-for-chip/', '/articles/are-my-children-eligible-for-chip', '/articles/are-my-children-eligible-for-chip/index.html']) {
      expect(resolve(href)).toMatchObject({ kind: 'page', sitePath: 'articles/are-my-children-eligible-for-chip/', article: chip, suffix: '' });
    }
    expect(resolve('/')).toMatchObject({ kind: 'page', sitePath: '' });
    expect(resolve('/index.html')).toMatchObject({ kind: 'page', sitePath: '' });
    expect(resolve('/tags/children/')).toMatchObject({ kind: 'page', sitePath: 'tags/children/' });
    expect(resolve('/feed.xml')).toMatchObject({ kind: 'page', sitePath: 'feed.xml' });
    expect(resolve('/assets/style.css')).toMatchObject({ kind: 'page', sitePath: 'assets/style.css' });
  });

  it('suggests the same page whatever order the articles come in (one thread, several, a shard)', () => {
    const en = article('glossary/deductible.md', { title: 'Deductible' });
    const es = article('glossary/es/deductible.md', { title: 'Deducible' });
    const suggestion = (list: typeof articles) => {
      const found = siteLinks(list, config()).resolve('/deductible/');
      return found.kind === 'unresolved' ? found.suggestion?.sitePath : found.kind;
    };
    expect(suggestion([en, es])).toBe('articles/glossary/deductible/');
    expect(suggestion([es, en])).toBe('articles/glossary/deductible/');
  });

  it('keeps the ?query and #anchor as written', () => {
    expect(resolve('/articles/vaccines/flu-shot?lang=es#who-should-get-it')).toMatchObject({ kind: 'page', sitePath: 'articles/vaccines/flu-shot/', suffix: '?lang=es#who-should-get-it' });
    expect(resolve('/articles/vaccines/flu-shot/#risks')).toMatchObject({ suffix: '#risks' });
  });

  it('compares case-insensitively and percent-decoded', () => {
    expect(resolve('/Articles/Vaccines/FLU-SHOT/')).toMatchObject({ kind: 'page', sitePath: 'articles/vaccines/flu-shot/' });
    expect(resolve('/articles/vaccines/flu%2Dshot/')).toMatchObject({ kind: 'page', sitePath: 'articles/vaccines/flu-shot/' });
    const accented = article('santé.md', { title: 'Santé' });
    const links = siteLinks([accented], config());
    expect(links.resolve('/articles/sant%C3%A9/')).toMatchObject({ kind: 'page', sitePath: 'articles/santé/' });
    expect(links.resolve('/articles/sant%ZZ/')).toMatchObject({ kind: 'unresolved' });
  });

  it('resolves an alias written escaped or with its spaces, linked either way, to the one page', () => {
    const escaped = article('newborn.md', { title: 'Newborn', redirect_from: '/salud%20respiratoria/recien-nacido/' });
    const spaced = article('cough.md', { title: 'Cough', aliases: ['/salud respiratoria/tos/'] });
    const links = siteLinks([escaped, spaced], config());
    for (const href of ['/salud%20respiratoria/recien-nacido/', '/salud respiratoria/recien-nacido/']) {
      expect(links.resolve(href)).toMatchObject({ kind: 'page', article: escaped });
    }
    for (const href of ['/salud%20respiratoria/tos/', '/salud respiratoria/tos/']) {
      expect(links.resolve(href)).toMatchObject({ kind: 'page', article: spaced });
    }
  });

  it('reads old URLs only where permalinks, or the front matter, say how the old site spelled them', () => {
    expect(resolve('/are-my-children-eligible-for-chip')).toMatchObject({ kind: 'unresolved' });
    expect(resolve('/are-my-children-eligible-for-chip', ['/:title/'])).toMatchObject({ kind: 'page', sitePath: 'articles/are-my-children-eligible-for-chip/' });
    expect(resolve('/2019/05/03/are-my-children-eligible-for-chip.html', ['date'])).toMatchObject({ kind: 'unresolved' });
    expect(resolve('/coverage/kids/2019/05/03/are-my-children-eligible-for-chip.html', ['date'])).toMatchObject({ kind: 'page', article: chip });
    expect(resolve('/2019/5/3/are-my-children-eligible-for-chip/', ['/:year/:i_month/:i_day/:slug/'])).toMatchObject({ kind: 'page', article: chip });
    // Hugo's :title is the front-matter title, slugified; :section the first folder.
    expect(resolve('/vaccines/flu-vaccine/', ['/:section/:title/'])).toMatchObject({ kind: 'page', article: flu });
    expect(resolve('/2020/10/flu-shot', ['/:year/:month/:slug/'])).toMatchObject({ kind: 'page', article: flu });
    // Front matter: Jekyll's permalink, Hugo's aliases.
    expect(resolve('/seasonal-flu/')).toMatchObject({ kind: 'page', article: flu });
    expect(resolve('/old/flu.html#side-effects')).toMatchObject({ kind: 'page', article: flu, suffix: '#side-effects' });
  });

  it("prefers the site's own URL, and calls an old URL of two articles ambiguous", () => {
    const a = article('a.md', { title: 'Same', date: '2020-01-01' });
    const b = article('b.md', { title: 'Same', date: '2021-01-01' });
    const links = siteLinks([a, b], config((c) => (c.permalinks = ['/:title/'])));
    expect(links.resolve('/same/')).toMatchObject({ kind: 'ambiguous', sitePaths: ['articles/a/', 'articles/b/'] });
    expect(links.resolve('/a/')).toMatchObject({ kind: 'page', sitePath: 'articles/a/' });
  });

  it("gives an old URL that fits a Hugo section and its pages to the section's _index.md", () => {
    const section = article('guide/_index.md', { title: 'Guide' });
    const page = article('guide/asthma.md', { title: 'Asthma' });
    const other = article('guide/copd.md', { title: 'COPD' });
    const links = siteLinks([page, section, other], config((c) => (c.permalinks = ['/:sections/', '/:sections/:filename/'])));
    expect(links.resolve('/guide/')).toMatchObject({ kind: 'page', article: section });
    expect(links.resolve('/guide/asthma/')).toMatchObject({ kind: 'page', article: page });
    // Without a section page it stays ambiguous: which page was meant cannot be told.
    expect(siteLinks([page, other], config((c) => (c.permalinks = ['/:sections/']))).resolve('/guide/')).toMatchObject({ kind: 'ambiguous' });
  });

  it('fills in a Hugo leaf bundle (kardiologie/index.md) as Hugo does: its folder is its name, not a section', () => {
    const bundle = article('leistungen/kardiologie/index.md', { title: 'Kardiologie' });
    const page = article('leistungen/faq.md', { title: 'Fragen' });
    for (const permalink of ['/:sections/:slug/', '/:sections/:filename/', '/:section/:contentbasename/', '/:sections/:slugorfilename/']) {
      const links = siteLinks([bundle, page], config((c) => (c.permalinks = [permalink])));
      expect(links.resolve('/leistungen/kardiologie/'), permalink).toMatchObject({ kind: 'page', article: bundle });
      expect(links.resolve('/leistungen/faq/'), permalink).toMatchObject({ kind: 'page', article: page });
    }
  });

  it("reads a link that includes the base URL's path without it", () => {
    expect(resolve('/health/articles/vaccines/flu-shot/', [], '/health/')).toMatchObject({ kind: 'page', sitePath: 'articles/vaccines/flu-shot/' });
    expect(resolve('/health/', [], '/health/')).toMatchObject({ kind: 'page', sitePath: '' });
    expect(resolve('/articles/vaccines/flu-shot/', [], '/health/')).toMatchObject({ kind: 'page' });
  });

  it('suggests a close page when nothing matches', () => {
    expect(resolve('/are-my-children-eligble-for-chip', ['/:title/'])).toMatchObject({ kind: 'unresolved', suggestion: { article: chip } });
    expect(resolve('/flu-shoot')).toMatchObject({ kind: 'unresolved', suggestion: { article: flu } });
    expect(resolve('/nowhere')).toEqual({ kind: 'unresolved', suggestion: undefined });
  });
});

describe('permalink patterns', () => {
  it('expands every combination of values and collapses an empty :categories', () => {
    expect(expandPermalink('/:categories/:year/:title/', { year: ['2019'], title: ['a', 'b'] })).toEqual(['/2019/a/', '/2019/b/']);
    expect(expandPermalink('/:year/:title/', { title: ['a'] })).toEqual([]);
    expect(expandPermalink('/:slugorfilename/', { slugorfilename: ['x'], slug: ['wrong'] })).toEqual(['/x/']);
  });

  it('names placeholders it does not know', () => {
    expect(unknownPlaceholders('/:year/:weekday/:title/')).toEqual([':weekday']);
    expect(unknownPlaceholders('pretty')).toEqual([]);
  });
});

describe('site-root links on pages', () => {
  const a = (body: string) => article('a.md', { title: 'A' }, body);
  const b = article('2019-05-03-old-title.md', { title: 'B', slug: 'b-slug' });
  const permalinks = config((c) => (c.permalinks = ['/:year/:month/:day/:title/']));

  it('build links them to the page under the base URL path, keeping query and anchor', () => {
    const body = '[B](/2019/05/03/old-title/?x=1#risks) [home](/) [gone](/nowhere)\n';
    const html = renderSite([a(body), b], { config: permalinks, baseUrl: 'https://example.org/health/' }).text('articles/a/index.html');
    expect(html).toContain('<a href="/health/articles/b-slug/?x=1#risks">B</a>');
    expect(html).toContain('<a href="/health/">home</a>');
    // Unresolved: kept as written (internal-links reports it), for a server that may serve it.
    expect(html).toContain('<a href="/nowhere">gone</a>');
  });

  it('export links them relatively, and keeps the text of one that leads nowhere', () => {
    const body = '[B](/2019/05/03/old-title/#risks) [home](/) [gone](/nowhere)\n';
    const html = renderSite([a(body), b], { config: permalinks, linkStyle: 'relative' }).text('articles/a/index.html');
    expect(html).toContain('<a href="../b-slug/index.html#risks">B</a>');
    expect(html).toContain('<a href="../../index.html">home</a>');
    expect(html).toMatch(/<\/a> gone<\/p>/);
  });

  it('drops a protocol-relative link but keeps its words', () => {
    const html = renderSite([a('[map](//maps.example.com/clinic)\n')]).text('articles/a/index.html');
    expect(html).toContain('<p>map</p>');
  });
});

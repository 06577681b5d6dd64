import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { HtmlValidate, StaticConfigLoader } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { attr, byClass, byTag, parseHtml, text, type Element } from '../site/support/html.js';
import { listFiles, SAMPLE_NOW, sampleProject } from '../site/support/project.js';

/** The "Latest Posts" list of the page healthmd grew from (seed/collaborative-care-back-pain.txt). */
const SEED_POSTS = [
  ['Preparing for Your First Mammogram: A Comprehensive Guide', '8 May 2024', '2024-05-08'],
  ['Understanding Trauma-Informed Therapy: How It Can Help You Heal', '15 March 2024', '2024-03-15'],
  ['How Often Should You Visit a Gynecologist?', '23 January 2024', '2024-01-23'],
  ['The Power of Precision Medicine: How Targeted Therapies are Shaping the Future of Cancer Research', '10 October 2023', '2023-10-10'],
  ['The Benefits of Hospital Rehab and Why You Should Consider It', '10 October 2023', '2023-10-10'],
];
/** Newest first; on the same day, by title. */
const SEED_ORDER = [...SEED_POSTS].sort((a, b) => (a[2] !== b[2] ? (a[2] < b[2] ? 1 : -1) : a[0].localeCompare(b[0])));

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const env = { HEALTHMD_NOW: SAMPLE_NOW };

describe('healthmd build of the bundled sample articles', () => {
  let project: string;
  let publicDir: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  const read = (file: string) => readFileSync(path.join(publicDir, file), 'utf8');
  const page = (file: string) => parseHtml(read(file));
  const articlePages = () => listFiles(publicDir).filter((f) => f.startsWith('articles/') && f.endsWith('/index.html'));

  beforeAll(async () => {
    project = sampleProject();
    publicDir = path.join(project, 'public');
    result = await runCli(['build'], { cwd: project, env });
  });

  it('exits 0 with a one-line summary and nothing on stderr', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/\b6 articles\b/);
  });

  it('writes the layout the README promises', () => {
    const files = listFiles(publicDir);
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'feed.xml',
        'sitemap.xml',
        'assets/style.css',
        '.healthmd-build.json',
        'articles/collaborative-care-back-pain/index.html',
        'articles/womens-health/preparing-for-your-first-mammogram/index.html',
        'articles/cancer/precision-medicine/index.html',
        'tags/back-pain/index.html',
        'tags/womens-health/index.html',
      ]),
    );
  });

  it('lists the seed’s five posts on the index, newest first, dated like "8 May 2024" in <time>', () => {
    const cards = byClass(page('index.html'), 'post-card').map((card) => ({
      title: text(byTag(card, 'h2')[0]),
      time: byTag(card, 'time')[0],
      excerpt: text(byClass(card, 'post-card__excerpt')[0]),
      href: attr(byTag(byTag(card, 'h2')[0], 'a')[0], 'href')!,
    }));
    const seed = cards.filter((card) => SEED_POSTS.some(([title]) => title === card.title));
    expect(seed.map((card) => [card.title, text(card.time), attr(card.time, 'datetime')])).toEqual(SEED_ORDER);
    const dates = cards.map((card) => attr(card.time, 'datetime')!);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const card of cards) {
      // The excerpt opens the article's first paragraph, cut between words, within excerptLength.
      expect(card.excerpt.endsWith('…')).toBe(true);
      const opening = card.excerpt.slice(0, -1);
      expect(opening.length).toBeLessThanOrEqual(160);
      const articleText = text(byClass(page(`${card.href.slice(1)}index.html`), 'article-body')[0]);
      expect(articleText.startsWith(opening)).toBe(true);
      expect(articleText[opening.length]).toMatch(/[\s.,;:]/);
    }
  });

  it('renders an article page with its byline, contents, body, sources, disclaimer and latest posts', () => {
    const doc = page('articles/collaborative-care-back-pain/index.html');
    const head = byTag(doc, 'head')[0];
    const meta = (key: string) => attr(byTag(head, 'meta').find((m) => attr(m, 'property') === key || attr(m, 'name') === key)!, 'content');
    expect(text(byTag(doc, 'h1')[0])).toBe('Collaborative Care for Your Back Pain: What You Should Know');
    expect(attr(byTag(head, 'link').find((l) => attr(l, 'rel') === 'canonical')!, 'href')).toBe('https://example.org/articles/collaborative-care-back-pain/');
    expect(meta('og:url')).toBe('https://example.org/articles/collaborative-care-back-pain/');
    expect(meta('og:type')).toBe('article');
    expect(meta('description')).toMatch(/^How medicines, injections/);
    const byline = text(byClass(doc, 'byline')[0]);
    expect(byline).toMatch(/By Jordan Ellis/);
    expect(byline).toMatch(/Medically reviewed by Dr Amira Patel, MBBS, MRCGP on \d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(byline).toMatch(/Next review due \d{1,2} [A-Z][a-z]+ \d{4}/);
    const toc = byTag(byClass(doc, 'toc')[0], 'a').map((a) => attr(a, 'href')!);
    const ids = new Set(byTag(doc, 'h2').concat(byTag(doc, 'h3')).map((h) => attr(h, 'id')));
    expect(toc.length).toBeGreaterThan(5);
    for (const href of toc) expect(ids.has(href.slice(1))).toBe(true);
    expect(byTag(byClass(doc, 'sources')[0], 'a').length).toBeGreaterThan(0);
    expect(text(byClass(doc, 'disclaimer')[0])).toMatch(/not a substitute/);
    const latest = byClass(doc, 'latest-posts__item').map((item) => [text(byTag(item, 'a')[0]), text(byTag(item, 'time')[0])]);
    expect(latest).toEqual(SEED_ORDER.map(([title, date]) => [title, date]));
    // Links between articles point at their pages.
    expect(byTag(doc, 'a').some((a) => attr(a, 'href') === '/articles/hospital-rehab/')).toBe(true);
  });

  it('puts JSON-LD MedicalWebPage on every article page', () => {
    const pages = articlePages();
    expect(pages).toHaveLength(6);
    for (const file of pages) {
      const doc = page(file);
      const scripts = byTag(doc, 'script');
      expect(scripts).toHaveLength(1);
      expect(attr(scripts[0], 'type')).toBe('application/ld+json');
      const data = JSON.parse(text(scripts[0]));
      expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'MedicalWebPage', headline: text(byTag(doc, 'h1')[0]), inLanguage: 'en-GB' });
      expect(data.url).toBe(`https://example.org/${file.replace(/index\.html$/, '')}`);
      expect(data.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(data.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(data.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(data.reviewedBy['@type']).toBe('Person');
      expect(data.author.length).toBeGreaterThan(0);
      expect(data.author.every((a: { '@type': string }) => a['@type'] === 'Person')).toBe(true);
      expect(data.description).toBeTruthy();
    }
    const backPain = JSON.parse(text(byTag(page('articles/collaborative-care-back-pain/index.html'), 'script')[0]));
    expect(backPain.about).toEqual({ '@type': 'MedicalCondition', name: 'chronic back pain' });
  });

  it('writes an Atom feed of the articles', () => {
    const feed = xml.parse(read('feed.xml')).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://example.org/');
    const entries = feed.entry as { title: string; id: string; published: string }[];
    expect(entries).toHaveLength(6);
    expect(entries[0]).toMatchObject({ title: SEED_ORDER[0][0], published: '2024-05-08T00:00:00Z' });
    for (const entry of entries) expect(articlePages()).toContain(`${entry.id.replace('https://example.org/', '')}index.html`);
  });

  it('writes a sitemap of every page', () => {
    const urls = (xml.parse(read('sitemap.xml')).urlset.url as { loc: string }[]).map((u) => u.loc);
    const pages = listFiles(publicDir).filter((f) => f.endsWith('index.html'));
    expect(urls.sort()).toEqual(pages.map((f) => `https://example.org/${f.replace(/index\.html$/, '')}`).sort());
  });

  it('passes html-validate on every page', async () => {
    const validator = new HtmlValidate(
      new StaticConfigLoader({
        extends: ['html-validate:recommended'],
        // Titles are the editors' words; shortening them for a search-engine heuristic would hide what an article is about.
        rules: { 'long-title': 'off' },
      }),
    );
    const problems: string[] = [];
    const pages = listFiles(publicDir).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      const report = await validator.validateString(read(file), file);
      for (const r of report.results) for (const m of r.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('renders the same bytes in every time zone', async () => {
    const outputs: string[] = [];
    for (const TZ of ['America/Los_Angeles', 'Asia/Tokyo']) {
      const run = await runCli(['build', '--out', `public-${TZ.replace('/', '-')}`], { cwd: project, env: { ...env, TZ } });
      expect(run.code).toBe(0);
      const dir = path.join(project, `public-${TZ.replace('/', '-')}`);
      outputs.push(listFiles(dir).map((f) => `${f}\n${readFileSync(path.join(dir, f), 'utf8')}`).join('\n'));
    }
    expect(outputs[0]).toBe(outputs[1]);
    expect(outputs[0]).toContain('<time datetime="2024-05-08">8 May 2024</time>');
  });
});

describe('healthmd build options and failures', () => {
  it('--out, --base-url and --quiet', async () => {
    const project = sampleProject();
    const run = await runCli(['build', '--out', 'site', '--base-url', 'https://health.example.com/library', '--quiet'], { cwd: project, env });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(path.join(project, 'site/articles/hospital-rehab/index.html'), 'utf8');
    expect(html).toContain('<link rel="canonical" href="https://health.example.com/library/articles/hospital-rehab/">');
    expect(html).toContain('href="/library/assets/style.css"');
  });

  it('builds drafts only with --drafts', async () => {
    const project = sampleProject();
    const draft = readFileSync(path.join(project, 'articles/hospital-rehab.md'), 'utf8').replace(/^---\n/, '---\ndraft: true\n');
    writeFileSync(path.join(project, 'articles/hospital-rehab.md'), draft);
    expect((await runCli(['build'], { cwd: project, env })).code).toBe(0);
    expect(listFiles(path.join(project, 'public'))).not.toContain('articles/hospital-rehab/index.html');
    expect(readFileSync(path.join(project, 'public/index.html'), 'utf8')).not.toContain('Hospital Rehab');
    expect((await runCli(['build', '--drafts'], { cwd: project, env })).code).toBe(0);
    expect(listFiles(path.join(project, 'public'))).toContain('articles/hospital-rehab/index.html');
  });

  it('stops with exit 1 on lint errors, naming the file, and leaves the previous output alone', async () => {
    const project = sampleProject();
    expect((await runCli(['build'], { cwd: project, env })).code).toBe(0);
    const before = readFileSync(path.join(project, 'public/index.html'), 'utf8');
    writeFileSync(path.join(project, 'articles/new.md'), '---\ntitle: New\ndate: 2020-01-01\n---\nNo sections.\n');
    const blocked = await runCli(['build'], { cwd: project, env });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toMatch(/articles\/new\.md/);
    expect(blocked.stderr).toMatch(/front-matter-schema/);
    expect(blocked.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(project, 'public/index.html'), 'utf8')).toBe(before);
    const skipped = await runCli(['build', '--skip-lint'], { cwd: project, env });
    expect(skipped.code).toBe(0);
    expect(readFileSync(path.join(project, 'public/index.html'), 'utf8')).toContain('/articles/new/');
  });

  it('always stops on clashing URLs, naming the files, even with --skip-lint (which leaves out what cannot be parsed)', async () => {
    const project = sampleProject({
      'articles/broken.md': '---\ntitle: [unclosed\n---\nBody\n',
      'articles/a.md': '---\ntitle: A\nslug: clash\n---\nA\n',
      'articles/b.md': '---\ntitle: B\nslug: clash\n---\nB\n',
    });
    const gated = await runCli(['build'], { cwd: project, env });
    expect(gated.code).toBe(1);
    expect(gated.stderr).toMatch(/articles\/broken\.md[\s\S]*front-matter-valid/);
    const run = await runCli(['build', '--skip-lint'], { cwd: project, env });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/front-matter-valid/);
    expect(run.stderr).toMatch(/articles\/a\.md[\s\S]*unique-slug/);
    expect(run.stderr).not.toMatch(/required-sections/);
    expect(listFiles(project)).not.toContain('public/index.html');
  });

  it('refuses an output folder that holds the project or files it did not make (exit 2)', async () => {
    const project = sampleProject({ 'mine/notes.txt': 'keep me' });
    for (const out of ['.', 'articles', '..', 'mine']) {
      const run = await runCli(['build', '--out', out], { cwd: project, env });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^healthmd: /);
    }
    expect(readFileSync(path.join(project, 'mine/notes.txt'), 'utf8')).toBe('keep me');
    expect(listFiles(path.join(project, 'articles')).length).toBeGreaterThan(5);
  });

  it('refuses an output folder inside the articles or templates folder, which the next build would read back (exit 2)', async () => {
    const project = sampleProject({ 'templates/assets/.keep': '' });
    const before = listFiles(project).length;
    for (const out of ['templates/assets', 'articles/sub', 'templates/assets/assets']) {
      const run = await runCli(['build', '--out', out], { cwd: project, env });
      expect(run.code, out).toBe(2);
      expect(run.stderr).toContain(`healthmd: ${out}: is inside the`);
    }
    expect(listFiles(project)).toHaveLength(before);
  });

  it('refuses to write an output folder another healthmd run holds, and takes over the lock of a killed run', async () => {
    const project = sampleProject();
    const lock = path.join(project, '.public.healthmd-lock');
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      writeFileSync(lock, `${holder.pid}\n`);
      const refused = await runCli(['build'], { cwd: project, env });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`public is being written by another healthmd run (process ${holder.pid}); wait for it to finish`);
      expect(existsSync(path.join(project, 'public'))).toBe(false);
      const exported = await runCli(['export', '--out', 'public'], { cwd: project, env });
      expect(exported.code).toBe(2);
    } finally {
      holder.kill();
    }
    writeFileSync(lock, '999999\n');
    expect((await runCli(['build'], { cwd: project, env })).code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it('lets only one of a build and an export started at once into one folder write it', async () => {
    const project = sampleProject();
    const runs = await Promise.all([runCli(['build', '--out', 'site'], { cwd: project, env }), runCli(['export', '--out', 'site'], { cwd: project, env })]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 2]);
    const markers = listFiles(path.join(project, 'site')).filter((f) => f.startsWith('.healthmd-'));
    expect(markers).toHaveLength(1);
  });

  it('rejects a base URL that is not an absolute http(s) address (exit 2)', async () => {
    const run = await runCli(['build', '--base-url', 'javascript:alert(1)'], { cwd: sampleProject(), env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--base-url/);
  });

  it('names the template file and line of a template error (exit 2)', async () => {
    const project = sampleProject({ 'templates/partials/footer.liquid': '<footer>\n{% if site.title %}\nunclosed\n</footer>\n' });
    const run = await runCli(['build'], { cwd: project, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/templates\/partials\/footer\.liquid:2:\d+: template error/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('uses a project’s template override', async () => {
    const project = sampleProject({ 'templates/partials/footer.liquid': '<footer class="clinic">{{ site.title }} &amp; partners</footer>\n' });
    expect((await runCli(['build'], { cwd: project, env })).code).toBe(0);
    expect(readFileSync(path.join(project, 'public/index.html'), 'utf8')).toContain('<footer class="clinic">Collaborative Care Health Library &amp; partners</footer>');
  });

  it('publishes exactly what this build published: a page made a draft since goes, a CNAME added by hand stays', async () => {
    const project = sampleProject();
    expect((await runCli(['build'], { cwd: project, env })).code).toBe(0);
    writeFileSync(path.join(project, 'public/CNAME'), 'health.example.com\n');
    const rehab = path.join(project, 'articles/hospital-rehab.md');
    writeFileSync(rehab, readFileSync(rehab, 'utf8').replace(/^---\n/, '---\ndraft: true\n'));
    expect((await runCli(['build', '--drafts'], { cwd: project, env })).code).toBe(0);
    expect(listFiles(path.join(project, 'public'))).toContain('articles/hospital-rehab/index.html');
    expect((await runCli(['build'], { cwd: project, env })).code).toBe(0);
    const files = listFiles(path.join(project, 'public'));
    expect(files).not.toContain('articles/hospital-rehab/index.html');
    expect(readFileSync(path.join(project, 'public/index.html'), 'utf8')).not.toContain('hospital-rehab');
    expect(files).toContain('CNAME');
    expect((await runCli(['build', '--clean'], { cwd: project, env })).code).toBe(0);
    expect(listFiles(path.join(project, 'public'))).not.toContain('CNAME');
  });
});

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import type { UpdateResult } from '../../src/serve/preview-site.js';
import { startPreviewServer, type PreviewServer } from '../../src/serve/preview-server.js';
import { attr, byClass, byTag, elements, parseHtml, text } from '../site/support/html.js';
import { SAMPLE_NOW, sampleProject } from '../site/support/project.js';
import { openEvents, rawRequest, waitFor } from './support/http.js';

const BACK_PAIN = 'articles/collaborative-care-back-pain.md';
const BACK_PAIN_URL = '/articles/collaborative-care-back-pain/';
const REHAB_URL = '/articles/hospital-rehab/';

/** The article without its Sources section (sources-present and required-sections report it). */
function withoutSources(source: string): string {
  return source.replace(/^## Sources\n[\s\S]*?(?=^## Disclaimer)/m, '');
}

function findings(html: string): { rule?: string; line?: string }[] {
  return elements(parseHtml(html))
    .filter((e) => e.tagName === 'li' && (attr(e, 'class') ?? '').includes('healthmd-finding'))
    .map((li) => ({ rule: attr(li, 'data-rule'), line: attr(li, 'data-line') }));
}

function pageVersion(html: string): number {
  const script = byTag(parseHtml(html), 'script').find((s) => attr(s, 'data-version') !== undefined);
  return Number(attr(script!, 'data-version'));
}

async function start(project: string, options: { drafts?: boolean; updates?: UpdateResult[] } = {}): Promise<PreviewServer> {
  return startPreviewServer({
    config: loadConfig(project),
    cwd: project,
    now: SAMPLE_NOW,
    drafts: options.drafts ?? false,
    host: '127.0.0.1',
    port: 0,
    debounceMs: 20,
    onUpdate: (result) => options.updates?.push(result),
  });
}

describe('healthmd serve, in process, on the sample project', () => {
  let project: string;
  let server: PreviewServer;
  let original: string;
  const updates: UpdateResult[] = [];
  const file = (name: string) => path.join(project, name);
  const get = (p: string, method = 'GET') => rawRequest(server.url, p, method);
  /** Writes a file and waits until the watchers have delivered it and the site took it in. */
  const save = async (name: string, content: string | Buffer) => {
    const before = updates.length;
    writeFileSync(file(name), content);
    await waitFor(() => (updates.length > before ? true : undefined), 5000, `an update after saving ${name}`);
  };

  beforeAll(async () => {
    project = sampleProject();
    original = readFileSync(file(BACK_PAIN), 'utf8');
    server = await start(project, { updates });
  });

  afterAll(async () => {
    await server?.close();
  });

  beforeEach(async () => {
    if (readFileSync(file(BACK_PAIN), 'utf8') !== original) await save(BACK_PAIN, original);
  });

  it('listens on a free port on the loopback address', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the home page and article pages as HTML, with the reload script before </body>', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['cache-control']).toBe('no-store');
    expect(home.body).toContain('Collaborative Care for Your Back Pain');
    const article = await get(BACK_PAIN_URL);
    expect(article.status).toBe(200);
    expect(text(byTag(parseHtml(article.body), 'h1')[0])).toBe('Collaborative Care for Your Back Pain: What You Should Know');
    expect(article.body).toMatch(/new EventSource\([\s\S]*<\/script>\s*<\/body>/);
    expect((await get(`${BACK_PAIN_URL}index.html`)).body).toBe(article.body);
  });

  it('links pages and canonical URLs to the preview itself, not to site.baseUrl', async () => {
    const page = parseHtml((await get(BACK_PAIN_URL)).body);
    const canonical = byTag(page, 'link').find((l) => attr(l, 'rel') === 'canonical');
    expect(attr(canonical!, 'href')).toBe(`${server.url}articles/collaborative-care-back-pain/`);
    const stylesheet = byTag(page, 'link').find((l) => attr(l, 'rel') === 'stylesheet');
    expect(attr(stylesheet!, 'href')).toBe('/assets/style.css');
  });

  it('serves the stylesheet, feed and sitemap with their content types', async () => {
    const css = await get('/assets/style.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['x-content-type-options']).toBe('nosniff');
    expect(css.body).toContain(':root');
    const feed = await get('/feed.xml');
    expect(feed.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(feed.body).toContain(`<link href="${server.url}articles/collaborative-care-back-pain/"`);
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(sitemap.body).toContain(`${server.url}articles/hospital-rehab/`);
  });

  it('serves images an article shows, with their type', async () => {
    mkdirSync(file('articles/images'), { recursive: true });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    writeFileSync(file('articles/images/spine.png'), png);
    await save(BACK_PAIN, original.replace('## What Is Collaborative Care?\n', '## What Is Collaborative Care?\n\n![A spine](images/spine.png)\n'));
    const page = parseHtml((await get(BACK_PAIN_URL)).body);
    const src = attr(byTag(page, 'img').find((img) => attr(img, 'alt') === 'A spine')!, 'src')!;
    const image = await rawRequest(server.url, src);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((await get('/assets/media/articles/images/missing.png')).status).toBe(404);
  });

  it('answers HEAD like GET without a body, and refuses other methods with 405 and Allow', async () => {
    const head = await get(BACK_PAIN_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(1000);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      const reply = await get(BACK_PAIN_URL, method);
      expect(reply.status, method).toBe(405);
      expect(reply.headers.allow).toBe('GET, HEAD');
    }
  });

  it('redirects a page address without its trailing slash', async () => {
    const reply = await get('/articles/collaborative-care-back-pain');
    expect(reply.status).toBe(301);
    expect(reply.headers.location).toBe(BACK_PAIN_URL);
  });

  it('gives 404 for pages and files that are not part of the site, with a page that still reloads', async () => {
    const missing = await get('/articles/no-such-article/');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body).toContain('new EventSource(');
    for (const p of ['/assets/nope.css', '/articles/collaborative-care-back-pain.md', '/healthmd.config.yaml', '/__healthmd/nothing']) {
      expect((await get(p)).status, p).toBe(404);
    }
  });

  it.each([
    '/../healthmd.config.yaml',
    '/../../../../etc/passwd',
    '/assets/../../healthmd.config.yaml',
    '/%2e%2e/healthmd.config.yaml',
    '/assets/%2e%2e/%2e%2e/healthmd.config.yaml',
    '/assets/..%2f..%2fhealthmd.config.yaml',
    '/assets/%2e%2e%5c%2e%2e%5chealthmd.config.yaml',
    '/assets/media/..%2f..%2f..%2fhealthmd.config.yaml',
    '/assets/media/%2e%2e/%2e%2e/%2e%2e/articles/collaborative-care-back-pain.md',
  ])('gives 404 to %s, which tries to leave the site', async (p) => {
    const reply = await get(p);
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('maxAgeMonths');
    expect(reply.body).not.toContain('reviewedBy');
  });

  describe('answers only requests addressed to itself (DNS rebinding)', () => {
    const port = () => String(server.port);
    it.each([
      ['a foreign domain', () => 'evil.example'],
      ['a foreign domain with the right port', () => `evil.example:${port()}`],
      ['a domain that resolves to loopback', () => `127.0.0.1.nip.io:${port()}`],
      ['localhost on another port', () => 'localhost:1'],
      ['the bound address without its port', () => '127.0.0.1'],
    ])('refuses %s with 403 on every route, the event stream included', async (_label, host) => {
      for (const p of [BACK_PAIN_URL, '/', '/feed.xml', '/assets/style.css', '/__healthmd/overlay.css', '/__healthmd/events?path=%2F&version=1', '/nowhere/']) {
        const reply = await rawRequest(server.url, p, 'GET', { Host: host() });
        expect(reply.status, `${p} with Host ${host()}`).toBe(403);
        expect(reply.body).not.toContain('Collaborative');
        expect(reply.body).toContain(server.url);
      }
      const post = await rawRequest(server.url, BACK_PAIN_URL, 'POST', { Host: host() });
      expect(post.status).toBe(403);
    });

    it('refuses an HTTP/1.0 request that names no host', async () => {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1', () => socket.end(`GET ${BACK_PAIN_URL} HTTP/1.0\r\n\r\n`));
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
      });
      expect(reply).toMatch(/^HTTP\/1\.[01] 403/);
      expect(reply).not.toContain('Collaborative');
    });

    it.each([
      ['the bound address', () => `127.0.0.1:${port()}`],
      ['localhost', () => `localhost:${port()}`],
      ['LOCALHOST in capitals', () => `LOCALHOST:${port()}`],
      ['the IPv6 loopback', () => `[::1]:${port()}`],
    ])('serves %s', async (_label, host) => {
      const reply = await rawRequest(server.url, BACK_PAIN_URL, 'GET', { Host: host() });
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('Collaborative');
    });
  });

  it('shows no findings panel on a lint-clean article', async () => {
    const html = (await get(BACK_PAIN_URL)).body;
    expect(findings(html)).toEqual([]);
    expect(html).not.toContain('id="healthmd-overlay"');
  });

  it('sends a reload event to an open page when its article is saved, and the page shows the change', async () => {
    const opened = (await get(BACK_PAIN_URL)).body;
    const other = (await get(REHAB_URL)).body;
    const stream = await openEvents(server.url, BACK_PAIN_URL, pageVersion(opened));
    const bystander = await openEvents(server.url, REHAB_URL, pageVersion(other));
    try {
      const started = performance.now();
      writeFileSync(file(BACK_PAIN), original.replace('the people treating you share one plan', 'the people treating you share a single plan'));
      await stream.next('reload', 5000);
      const elapsed = performance.now() - started;
      expect(elapsed).toBeLessThan(3000);
      expect((await get(BACK_PAIN_URL)).body).toContain('the people treating you share a single plan');
      // A body edit changes one page: a page that does not show it is left alone.
      await new Promise((r) => setTimeout(r, 150));
      expect(bystander.names).toEqual([]);
    } finally {
      stream.close();
      bystander.close();
    }
  });

  it('tells a page that missed a change while it was loading to reload as soon as it subscribes, and leaves a current page alone', async () => {
    const stale = (await get(BACK_PAIN_URL)).body;
    await save(BACK_PAIN, original.replace('share one plan', 'share one joint plan'));
    const current = (await get(BACK_PAIN_URL)).body;
    expect(pageVersion(current)).toBeGreaterThan(pageVersion(stale));
    const late = await openEvents(server.url, BACK_PAIN_URL, pageVersion(stale));
    const upToDate = await openEvents(server.url, BACK_PAIN_URL, pageVersion(current));
    try {
      await late.next('reload', 1000);
      await new Promise((r) => setTimeout(r, 100));
      expect(upToDate.names).toEqual([]);
    } finally {
      late.close();
      upToDate.close();
    }
  });

  it('tells a page made by an earlier run of serve to reload, since anything may have changed meanwhile', async () => {
    const current = (await get(BACK_PAIN_URL)).body;
    const stream = await openEvents(server.url, BACK_PAIN_URL, pageVersion(current), 'an-earlier-run');
    try {
      await stream.next('reload', 1000);
    } finally {
      stream.close();
    }
  });

  it('notices every save of an editor that replaces the file (write a temporary file, then rename it)', async () => {
    for (const word of ['first', 'second', 'third']) {
      const before = updates.length;
      const temporary = file(`articles/.${path.basename(BACK_PAIN)}.swp`);
      writeFileSync(temporary, original.replace('share one plan', `share one ${word} plan`));
      renameSync(temporary, file(BACK_PAIN));
      await waitFor(() => (updates.length > before ? true : undefined), 5000, `the ${word} replacing save`);
      expect((await get(BACK_PAIN_URL)).body).toContain(`share one ${word} plan`);
    }
  });

  it('re-reads and re-lints only the saved article and re-renders only its page after a body edit', async () => {
    const before = updates.length;
    await save(BACK_PAIN, original.replace('The good news is that you have choices.', 'The good news: you have choices.'));
    const result = updates.slice(before).at(-1)!;
    expect(result.files).toEqual([BACK_PAIN]);
    expect(result.pages).toEqual(new Set(['articles/collaborative-care-back-pain/']));
    // The article and the one article that links to it (its links are checked again).
    expect(result.linted).toBe(2);
  });

  it('re-renders every page that lists an article when its title changes', async () => {
    const before = updates.length;
    await save(BACK_PAIN, original.replace('title: "Collaborative Care for Your Back Pain: What You Should Know"', 'title: "Team Care for Back Pain"'));
    expect(updates.slice(before).at(-1)!.pages).toBe('all');
    expect((await get('/')).body).toContain('Team Care for Back Pain');
    expect((await get(REHAB_URL)).body).toContain('Team Care for Back Pain');
    const tag = await get('/tags/back-pain/');
    expect(tag.body).toContain('Team Care for Back Pain');
  });

  it('shows a lint error in the page panel when the Sources section goes, and clears it when it comes back', async () => {
    const opened = (await get(BACK_PAIN_URL)).body;
    const stream = await openEvents(server.url, BACK_PAIN_URL, pageVersion(opened));
    try {
      writeFileSync(file(BACK_PAIN), withoutSources(original));
      await stream.next('reload');
    } finally {
      stream.close();
    }
    const broken = (await get(BACK_PAIN_URL)).body;
    expect(findings(broken).map((f) => f.rule)).toContain('sources-present');
    const panel = elements(parseHtml(broken)).find((e) => attr(e, 'id') === 'healthmd-overlay')!;
    expect(panel.tagName).toBe('aside');
    expect(text(byTag(panel, 'h2')[0])).toContain(BACK_PAIN);

    await save(BACK_PAIN, original);
    const fixed = (await get(BACK_PAIN_URL)).body;
    expect(findings(fixed)).toEqual([]);
  });

  it('keeps serving when an article stops parsing: a placeholder page and the home page show its front-matter-valid finding', async () => {
    await save(BACK_PAIN, original.replace('author: Jordan Ellis', 'author: [Jordan Ellis'));
    const placeholder = await get(BACK_PAIN_URL);
    expect(placeholder.status).toBe(500);
    expect(findings(placeholder.body)).toEqual([{ rule: 'front-matter-valid', line: expect.any(String) }]);
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(findings(home.body).map((f) => f.rule)).toEqual(['front-matter-valid']);
    expect(home.body).not.toContain('Collaborative Care for Your Back Pain');

    await save(BACK_PAIN, original);
    expect((await get(BACK_PAIN_URL)).status).toBe(200);
    expect(findings((await get('/')).body)).toEqual([]);
  });

  it('follows an article to its new address when its slug changes', async () => {
    await save(BACK_PAIN, original.replace('type: treatment\n', 'type: treatment\nslug: back-pain-care\n'));
    const old = await get(BACK_PAIN_URL);
    expect(old.status).toBe(302);
    expect(old.headers.location).toBe('/articles/back-pain-care/');
    expect((await get('/articles/back-pain-care/')).status).toBe(200);
  });

  it('shows a template error in the panel instead of the page, and recovers when it is fixed', async () => {
    const opened = (await get(BACK_PAIN_URL)).body;
    const stream = await openEvents(server.url, BACK_PAIN_URL, pageVersion(opened));
    mkdirSync(file('templates'), { recursive: true });
    try {
      writeFileSync(file('templates/article.liquid'), "{% layout 'layout' %}\n{%- block main %}\n{% if article.title %}\n{%- endblock %}\n");
      await stream.next('reload');
    } finally {
      stream.close();
    }
    const page = await waitFor(async () => {
      const reply = await get(BACK_PAIN_URL);
      return reply.status === 500 ? reply : undefined;
    });
    const items = elements(parseHtml(page.body)).filter((e) => (attr(e, 'class') ?? '').includes('healthmd-finding '));
    expect(items.map((li) => attr(li, 'data-rule'))).toEqual(['template']);
    expect(text(items[0])).toContain('templates/article.liquid');
    expect((await get('/assets/style.css')).status).toBe(200);

    rmSync(file('templates/article.liquid'));
    await waitFor(async () => ((await get(BACK_PAIN_URL)).status === 200 ? true : undefined));
  });

  it('leaves drafts out, as build does, and says how to see one', async () => {
    writeFileSync(file('articles/draft-news.md'), original.replace('type: treatment\n', 'type: treatment\ndraft: true\nslug: draft-news\n'));
    // A draft changes no published page, so no update is announced: wait for the 404 to name it.
    const reply = await waitFor(async () => {
      const answer = await get('/articles/draft-news/');
      return answer.body.includes('--drafts') ? answer : undefined;
    });
    expect(reply.status).toBe(404);
    expect(reply.body).toContain('articles/draft-news.md');
    rmSync(file('articles/draft-news.md'));
  });

  it('never writes into the output folder', () => {
    expect(existsSync(file('public'))).toBe(false);
  });
});

describe('healthmd serve --drafts', () => {
  it('shows drafts with the page’s own Draft banner, as build --drafts does', async () => {
    const project = sampleProject();
    const source = readFileSync(path.join(project, BACK_PAIN), 'utf8');
    writeFileSync(path.join(project, 'articles/draft-news.md'), source.replace('type: treatment\n', 'type: treatment\ndraft: true\nslug: draft-news\n'));
    const server = await start(project, { drafts: true });
    try {
      const reply = await rawRequest(server.url, '/articles/draft-news/');
      expect(reply.status).toBe(200);
      expect(byClass(parseHtml(reply.body), 'draft-banner')).toHaveLength(1);
      expect(reply.body).toContain('<meta name="robots" content="noindex">');
      expect(byClass(parseHtml((await rawRequest(server.url, BACK_PAIN_URL)).body), 'draft-banner')).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe('stopping the preview server', () => {
  it('ends open event streams and stops listening', async () => {
    const server = await start(sampleProject());
    const stream = await openEvents(server.url, '/', 0);
    await server.close();
    await stream.ended;
    await expect(rawRequest(server.url, '/')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('reports a port in use as a usage error (exit 2) naming the port and what to do', async () => {
    const first = await start(sampleProject());
    try {
      const project = sampleProject();
      const attempt = startPreviewServer({ config: loadConfig(project), cwd: project, now: SAMPLE_NOW, drafts: false, host: '127.0.0.1', port: first.port });
      await expect(attempt).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining(`port ${first.port} on 127.0.0.1 is in use: pass --port N`) });
    } finally {
      await first.close();
    }
  });
});

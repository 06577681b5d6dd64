import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempProject } from './helpers.js';
import { attr, byTag, elements, parseHtml, text } from '../site/support/html.js';
import { listFiles } from '../site/support/project.js';

const FIXTURE = path.join(REPO, 'tests/fixtures/hostile');
const HOSTILE_TITLE = '</script><script>alert(1)</script> Hostile <b>title</b>';
/** Elements that run code, load other documents or change where the page's links go. */
const ACTIVE = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'style', 'base', 'svg', 'math', 'link', 'meta', 'noscript', 'template']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'cite', 'ping']);

/** What a browser would make of a URL's scheme: whitespace and control characters dropped, lower case. */
function scheme(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

describe.each(['sanitize', 'text'])('a hostile article built with --skip-lint and html: %s', (mode) => {
  it('reaches the output with no active content on any page', async () => {
    const project = tempProject({ 'healthmd.config.yaml': `site:\n  baseUrl: https://example.org/\nhtml: ${mode}\n` });
    cpSync(path.join(FIXTURE, 'articles'), path.join(project, 'articles'), { recursive: true });
    writeFileSync(path.join(project, 'outside.png'), 'not in articles, but inside the project');
    const run = await runCli(['build', '--skip-lint', '--quiet'], { cwd: project, env: { HEALTHMD_NOW: '2024-07-01' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const publicDir = path.join(project, 'public');
    const files = listFiles(publicDir);
    const pages = files.filter((f) => f.endsWith('.html'));
    expect(pages).toContain('articles/hostile/index.html');
    const problems: string[] = [];
    for (const file of pages) {
      const html = readFileSync(path.join(publicDir, file), 'utf8');
      const doc = parseHtml(html);
      const isArticle = file.startsWith('articles/');
      for (const element of elements(doc)) {
        const tag = element.tagName!;
        const isJsonLd = tag === 'script' && attr(element, 'type') === 'application/ld+json';
        const isHeadMeta = (tag === 'meta' || tag === 'link') && !attr(element, 'http-equiv') && inHead(doc, element);
        if (ACTIVE.has(tag) && !isJsonLd && !isHeadMeta) problems.push(`${file}: <${tag}>`);
        for (const { name, value } of element.attrs ?? []) {
          if (/^on/i.test(name)) problems.push(`${file}: <${tag} ${name}>`);
          if (name === 'style') problems.push(`${file}: <${tag} style>`);
          if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data|file):/.test(scheme(value))) problems.push(`${file}: <${tag} ${name}="${value}">`);
        }
      }
      const scripts = byTag(doc, 'script');
      expect(scripts.length, file).toBe(isArticle ? 1 : 0);
      if (isArticle) {
        const data = JSON.parse(text(scripts[0]));
        expect(data.headline).toBe(text(byTag(doc, 'h1')[0]));
        expect(data['@type']).toBe('MedicalWebPage');
      }
    }
    expect(problems).toEqual([]);

    const hostile = parseHtml(readFileSync(path.join(publicDir, 'articles/hostile/index.html'), 'utf8'));
    // The title is shown as the words it is, not run.
    expect(text(byTag(hostile, 'h1')[0])).toBe(HOSTILE_TITLE);
    expect(JSON.parse(text(byTag(hostile, 'script')[0])).headline).toBe(HOSTILE_TITLE);
    // The html element's lang comes from a valid tag only.
    expect(attr(byTag(hostile, 'html')[0], 'lang')).toBe('en-GB');
    // What the raw HTML said is still there as words, in either mode; only code and active parts went.
    const words = text(byTag(hostile, 'main')[0]);
    for (const phrase of ['Inline click and', 'raw javascript link', 'mixed case', 'styled div', 'go']) expect(words, phrase).toContain(phrase);
    expect(words).not.toContain("alert('block script')");
    // The safe link survives; the only image copied is the raster one inside the project.
    expect(byTag(hostile, 'a').some((a) => attr(a, 'href') === 'https://www.nhs.uk/')).toBe(true);
    expect(files.filter((f) => f.startsWith('assets/media/'))).toEqual(['assets/media/articles/img/pixel.png']);
    expect(files.some((f) => f.endsWith('.svg') || f.includes('etc/'))).toBe(false);

    // Feed and sitemap stay well-formed XML with the same strings in them.
    const xml = new XMLParser({ ignoreAttributes: false });
    const entries = xml.parse(readFileSync(path.join(publicDir, 'feed.xml'), 'utf8')).feed.entry;
    expect(entries.map((e: { title: string }) => e.title)).toContain(HOSTILE_TITLE);
    expect(xml.parse(readFileSync(path.join(publicDir, 'sitemap.xml'), 'utf8')).urlset.url.length).toBeGreaterThan(2);
  });
});

function inHead(doc: ReturnType<typeof parseHtml>, element: ReturnType<typeof parseHtml>): boolean {
  return elements(byTag(doc, 'head')[0]).includes(element);
}

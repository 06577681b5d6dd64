import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempProject } from './helpers.js';
import { activeContent } from '../site/support/active-content.js';
import { attr, byTag, parseHtml, text } from '../site/support/html.js';
import { listFiles } from '../site/support/project.js';

const FIXTURE = path.join(REPO, 'tests/fixtures/hostile');
const HOSTILE_TITLE = '</script><script>alert(1)</script> Hostile <b>title</b>';

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
      problems.push(...activeContent(html, { page: true }).map((found) => `${file}: ${found}`));
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

describe('content faults the file system would hit are the article’s fault, caught by lint before any write', () => {
  const article = (front: string) => `---\ntitle: Back pain\n${front}---\nKeep active.\n`;
  it.each([
    ['a 300-character slug', { 'articles/back-pain.md': article(`slug: ${'a'.repeat(300)}\n`) }, 'articles/back-pain.md', 'long-slug'],
    ['a file name with a backslash', { 'articles/a\\b.md': article('') }, 'articles/a\\b.md', 'unsafe-slug'],
  ])('%s: lint and build exit 1 naming the file and the rule, and nothing is written', async (_label, files, file, rule) => {
    const project = tempProject(files);
    for (const args of [['lint'], ['build'], ['build', '--skip-lint']]) {
      const run = await runCli(args, { cwd: project });
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout + run.stderr).toContain(file);
      expect(run.stdout + run.stderr).toContain('unique-slug');
      if (args[0] === 'lint') expect(run.stdout).toMatch(new RegExp(`${rule === 'long-slug' ? 'too long|characters long' : 'no usable page name'}`));
      expect(run.stdout + run.stderr).not.toContain('ENAMETOOLONG');
    }
    expect(listFiles(project).some((f) => f.startsWith('public/'))).toBe(false);
  });
});

describe('front matter with a collection as a key', () => {
  it('is a finding at its line, with no Node warning on stderr', async () => {
    const project = tempProject({ 'articles/a.md': '---\n? : .inf\ntitle: x\n---\nHello\n' });
    const run = await runCli(['lint', '--format', 'json'], { cwd: project });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)[0].messages[0]).toMatchObject({ ruleId: 'front-matter-valid', line: 2 });
  });
});

describe('-C with a folder that does not exist', () => {
  it('names the folder (exit 2) instead of blaming a missing articles folder', async () => {
    const run = await runCli(['-C', '/nonexistent-healthmd-folder', 'lint']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('healthmd: -C /nonexistent-healthmd-folder: no such folder; pass a folder that exists\n');
  });
});

describe('café.md saved once in NFC and once in NFD', () => {
  const article = '---\ntitle: Café\n---\nHello\n';
  const nfc = 'caf\u00e9.md';
  const nfd = 'cafe\u0301.md';

  it('is one URL: lint and build stop on unique-slug naming both files', async () => {
    const project = tempProject({ [`articles/${nfc}`]: article, [`articles/${nfd}`]: article });
    for (const args of [['lint'], ['build', '--skip-lint']]) {
      const run = await runCli(args, { cwd: project });
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stdout + run.stderr).toContain(nfc);
      expect(run.stdout + run.stderr).toContain(nfd);
    }
    expect(listFiles(project).some((f) => f.startsWith('public/'))).toBe(false);
  });

  it('is built into a folder named in NFC, whichever form the file name has', async () => {
    const project = tempProject({ [`articles/${nfd}`]: article });
    const run = await runCli(['build', '--skip-lint', '--quiet'], { cwd: project });
    expect(run.code).toBe(0);
    const pages = listFiles(path.join(project, 'public')).filter((f) => f.startsWith('articles/'));
    expect(pages).toEqual(['articles/caf\u00e9/index.html']);
  });
});

describe('an article under the size cap that lexes into too many tokens', () => {
  it('is an exit-1 finding naming the file, and build treats it as it treats an unparseable file', async () => {
    const project = tempProject({
      'articles/list.md': `---\ntitle: List\n---\n${'- a list item\n'.repeat(290_000)}`,
      'articles/fine.md': '---\ntitle: Fine\n---\nHello\n',
    });
    const lint = await runCli(['lint', '--format', 'json'], { cwd: project });
    expect(lint.code).toBe(1);
    const [list] = JSON.parse(lint.stdout).filter((r: { filePath: string }) => r.filePath.endsWith('list.md'));
    expect(list.messages).toMatchObject([{ ruleId: 'front-matter-valid', fatal: true, line: 4, column: 1 }]);
    const build = await runCli(['build'], { cwd: project });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain('articles/list.md');
    expect(build.stderr).toContain('split it into several articles');
    expect(listFiles(project).some((f) => f.startsWith('public/'))).toBe(false);
    // As with a file that does not parse, --skip-lint builds the rest and names the file it left out.
    const skipped = await runCli(['build', '--skip-lint'], { cwd: project });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('articles/list.md');
    expect(skipped.stderr).toContain('split it into several articles');
    expect(listFiles(path.join(project, 'public'))).toContain('articles/fine/index.html');
    expect(listFiles(path.join(project, 'public'))).not.toContain('articles/list/index.html');
  }, 60_000);
});

describe('articles that do not fit in the memory Node allows', () => {
  it('stop lint and build with a clear exit 2 naming the file, never V8\'s fatal error', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`articles/a${i}.md`] = `---\ntitle: A${i}\n---\n${'- a list item\n'.repeat(90_000)}`;
    const project = tempProject(files);
    for (const args of [['lint'], ['build', '--skip-lint']]) {
      const run = await runCli(args, { cwd: project, env: { NODE_OPTIONS: '--max-old-space-size=200' } });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^healthmd: articles\/a\d+\.md: not enough memory to go on reading articles .*--max-old-space-size=\d+\)\n$/);
    }
    expect(listFiles(project).some((f) => f.startsWith('public/'))).toBe(false);
  }, 120_000);
});

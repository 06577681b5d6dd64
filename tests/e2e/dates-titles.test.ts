import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers.js';

const env = { HEALTHMD_NOW: '2025-03-01' };
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

const CONFIG = `site:
  title: Fidelity Clinic
  baseUrl: https://clinic.example/
  language: en-GB
types:
  page: { requiredSections: [], medical: false }
defaultType: page
`;

// Content as Jekyll sites have it: a placeholder date for ordering, no title but an H1, no date at all,
// a title a script wrote as "undefined", and Liquid left in the text.
const FILES = {
  'healthmd.config.yaml': CONFIG,
  'articles/0001-01-01-footer.md': '---\nauthor: Clinic team\n---\n# Opening hours and contact\n\nWe are open on weekdays.\n',
  'articles/undated.md': '---\ntitle: A note without a date\nauthor: Clinic team\n---\nThis page has no date.\n',
  'articles/2024-05-08-flu.md': '---\ntitle: Flu jabs are here\nauthor: Clinic team\n---\nBook your flu jab.\n',
  'articles/script-output.md': '---\ntitle: undefined\nauthor: Clinic team\ndate: 2024-01-02\n---\nRead [our guide]({{ site.baseurl }}/guide/) about {{ site.title }}.\n\n{% include hours.html %}\n',
};

describe('healthmd build of dates, undated articles and missing titles', () => {
  let project: string;
  const read = (file: string) => readFileSync(path.join(project, 'public', file), 'utf8');

  beforeAll(async () => {
    project = tempProject(FILES);
    const run = await runCli(['build', '--skip-lint'], { cwd: project, env });
    // Nothing but the note that the articles were not linted.
    expect(run.stderr).toMatch(/^healthmd: warning: --skip-lint: [^\n]*\n$/);
    expect(run.code).toBe(0);
  });

  it('shows the year 0001 as written on the page and the index, never as 1901', () => {
    const page = read('articles/footer/index.html');
    expect(page).toContain('<time datetime="0001-01-01">1 January 0001</time>');
    expect(page).not.toContain('1901');
    expect(JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(page)![1]).datePublished).toBe('0001-01-01');
    expect(read('index.html')).toContain('<time datetime="0001-01-01">1 January 0001</time>');
  });

  it('puts undated articles in the feed, after the dated ones, with a sane updated time', () => {
    const feed = xml.parse(read('feed.xml')).feed;
    expect(feed.updated).toBe('2025-03-01T00:00:00Z');
    const titles = feed.entry.map((e: { title: string }) => e.title);
    expect(titles).toEqual(['Flu jabs are here', 'Script output', 'Opening hours and contact', 'A note without a date']);
    const undated = feed.entry[3];
    expect(undated.updated).toBe('2025-03-01T00:00:00Z');
    expect(undated.published).toBeUndefined();
    expect(feed.entry[2].published).toBe('0001-01-01T00:00:00Z');
  });

  it('lists undated articles last on the index and in `healthmd list`, in the same order', async () => {
    const index = read('index.html');
    const order = ['Flu jabs are here', 'Script output', 'Opening hours and contact', 'A note without a date'].map((t) => index.indexOf(t));
    expect(order.every((at, i) => at !== -1 && (i === 0 || at > order[i - 1]))).toBe(true);
    const list = await runCli(['list', '--json', '--sort', 'date'], { cwd: project, env });
    expect(JSON.parse(list.stdout).map((row: { path: string }) => row.path)).toEqual(['articles/2024-05-08-flu.md', 'articles/script-output.md', 'articles/0001-01-01-footer.md', 'articles/undated.md']);
  });

  it('titles an article without a title by its H1, once, and by its file name (no date) otherwise', () => {
    const page = read('articles/footer/index.html');
    expect(page).toContain('<h1 class="article-header__title">Opening hours and contact</h1>');
    expect(page.match(/<h1\b/g)).toHaveLength(1);
    expect(page).not.toContain('0001-01-01-footer');
    expect(read('index.html')).not.toContain('0001-01-01-footer');
  });

  it('never titles a page "undefined", and prints other generators\' template syntax as text, unevaluated', () => {
    const page = read('articles/script-output/index.html');
    expect(page).toContain('<h1 class="article-header__title">Script output</h1>');
    expect(page).not.toMatch(/>undefined</);
    expect(page).toContain('{{ site.title }}');
    expect(page).toContain('{% include hours.html %}');
    const main = page.slice(page.indexOf('<main'), page.indexOf('</main>'));
    expect(main).not.toContain('Fidelity Clinic');
  });
});

describe('healthmd lint of dates, titles and placeholders', () => {
  it('reports title: undefined and template syntax at their lines, and warns about the year 0001', async () => {
    const project = tempProject(FILES);
    const run = await runCli(['lint', '--format', 'json'], { cwd: project, env });
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; messageId?: string; line: number; column: number; severity: number | string; message: string }> }>;
    const of = (file: string) => results.find((r) => r.filePath === `articles/${file}`)!.messages;
    const placeholders = of('script-output.md').filter((m) => m.ruleId === 'no-placeholder');
    expect(placeholders.map((m) => `${m.line}:${m.column}`)).toEqual(['2:8', '6:18', '6:51', '8:1']);
    expect(placeholders[0].message).toContain('"Script output"');
    const footer = of('0001-01-01-footer.md');
    const implausible = footer.find((m) => m.ruleId === 'front-matter-schema' && /before 1900/.test(m.message))!;
    expect(implausible).toMatchObject({ line: 1, column: 1 });
    // ESLint's 1 (warning) and 2 (error); the names where the json formatter still writes them.
    expect([1, 'warning']).toContain(implausible.severity);
    const missingTitle = footer.find((m) => m.ruleId === 'front-matter-schema' && /'title'/.test(m.message))!;
    expect([2, 'error']).toContain(missingTitle.severity);
    expect(missingTitle.message).toContain('"Opening hours and contact"');
    // The H1 is the title, not a second one.
    expect(footer.filter((m) => m.ruleId === 'heading-structure')).toEqual([]);
  });
});

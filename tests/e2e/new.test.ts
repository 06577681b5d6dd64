import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { KEY, PtySession } from '../scaffold/pty-session.js';
import { BIN, runCli, tempProject } from './helpers.js';

const TODAY = '2024-05-08';
const env = { HEALTHMD_NOW: TODAY, VISUAL: undefined, EDITOR: undefined };
const PLACEHOLDER = /\[\[[^\]]*\]\]/g;
/** The least a folder needs to be a project `new` writes into: an articles folder. */
const PROJECT = { 'articles/.gitkeep': '' };

interface LintMessage {
  ruleId: string;
  messageId: string;
  severity: 1 | 2;
  message: string;
  line: number;
}

function frontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  return parse(text.slice(4, text.indexOf('\n---\n')));
}

async function lint(cwd: string, file: string): Promise<LintMessage[]> {
  const result = await runCli(['lint', file, '--format', 'json'], { cwd, env });
  expect(result.stderr).toBe('');
  const [report] = JSON.parse(result.stdout) as { messages: LintMessage[] }[];
  return report.messages;
}

/** What a writer does: replace every placeholder with real text of the right kind. */
function fillIn(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.startsWith('description:')) return 'description: "What sciatica feels like, why it happens, how it is treated and when to see a doctor."';
      if (line.startsWith('author:')) return 'author: Sam Lee';
      if (line.startsWith('## [[')) return '## What to know';
      if (line.startsWith('- [[')) return '- NHS: [Sciatica](https://www.nhs.uk/conditions/sciatica/)';
      return line.replace(PLACEHOLDER, 'This part is written in short, plain words.');
    })
    .join('\n');
}

describe('healthmd new (flags, no terminal)', () => {
  beforeAll(() => {
    expect(existsSync(BIN)).toBe(true);
  });

  it('writes articles/<slug>.md from the title and prints its path', async () => {
    const dir = tempProject(PROJECT);
    const result = await runCli(['new', 'Café-Ärzte: Schlafstörungen', '--type', 'condition', '--condition', 'Insomnia', '--treatment', 'CBT-I', '--treatment', 'Sleep hygiene', '--author', 'Sam Lee', '--tag', 'sleep'], { cwd: dir, env });
    expect(result).toMatchObject({ code: 0, stdout: `${path.join('articles', 'cafe-arzte-schlafstorungen.md')}\n` });
    expect(frontMatter(path.join(dir, 'articles', 'cafe-arzte-schlafstorungen.md'))).toMatchObject({
      title: 'Café-Ärzte: Schlafstörungen',
      date: TODAY,
      author: 'Sam Lee',
      type: 'condition',
      condition: 'Insomnia',
      treatments: ['CBT-I', 'Sleep hygiene'],
      tags: ['sleep'],
    });
  });

  it('names the reviewer but records no review: the article has no words to review yet', async () => {
    const dir = tempProject(PROJECT);
    await runCli(['new', 'Flu vaccine', '--type', 'treatment', '--reviewer', 'Dr Ana Ruiz, GP'], { cwd: dir, env });
    const data = frontMatter(path.join(dir, 'articles', 'flu-vaccine.md'));
    expect(data).toMatchObject({ reviewedBy: 'Dr Ana Ruiz, GP' });
    expect(data).not.toHaveProperty('lastReviewed');
  });

  it('honours --slug, --dir and a project config with its own folders', async () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'articlesDir: content\n' });
    const result = await runCli(['new', 'Back pain', '--slug', 'lower-back', '--dir', 'spine/adults'], { cwd: path.join(dir), env });
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'content', 'spine', 'adults', 'lower-back.md'))).toBe(true);
  });

  it.each([
    [['new', 'Back pain', '--slug', 'Back_Pain']],
    [['new', 'Back pain', '--dir', '../outside']],
    [['new', 'Back pain', '--type', 'blog']],
    [['new']],
    [['new', '--yes']],
  ])('refuses %j with exit 2 and writes nothing', async (args) => {
    const dir = tempProject(PROJECT);
    const result = await runCli(args, { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^healthmd: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir, { recursive: true })).toEqual(['articles', path.join('articles', '.gitkeep')]);
  });

  it('refuses, with exit 2 and the advice lint gives, outside any project (no config, no articles folder)', async () => {
    const dir = tempProject();
    const result = await runCli(['new', 'Test', '--yes'], { cwd: dir, env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("articles: articles folder not found; run 'healthmd init'");
    expect(readdirSync(dir)).toEqual([]);
    // The advice is the same one lint gives in that folder.
    expect((await runCli(['lint'], { cwd: dir, env })).stderr).toContain("articles: articles folder not found; run 'healthmd init'");
  });

  it('creates the articles folder of a project whose config is there but whose folder is not yet', async () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'articlesDir: content\n' });
    expect((await runCli(['new', 'Test', '--yes'], { cwd: dir, env })).code).toBe(0);
    expect(existsSync(path.join(dir, 'content', 'test.md'))).toBe(true);
  });

  it('without a title and no terminal, prints the usage and does not wait for input', async () => {
    const dir = tempProject(PROJECT);
    // stdin stays open: a command that waited for input would hang here until the timeout.
    const child = spawn(process.execPath, [BIN, 'new'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', HEALTHMD_NOW: TODAY }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.on('close', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: healthmd new/);
  });

  it('refuses to overwrite: exit 1 naming the file, which keeps every byte', async () => {
    const dir = tempProject(PROJECT);
    expect((await runCli(['new', 'Back pain', '--yes'], { cwd: dir, env })).code).toBe(0);
    const file = path.join(dir, 'articles', 'back-pain.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nMy own words.\n`);
    const before = readFileSync(file);
    const again = await runCli(['new', 'Back pain', '--type', 'condition', '--yes'], { cwd: dir, env: { ...env, HEALTHMD_NOW: '2025-01-01' } });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(path.join('articles', 'back-pain.md'));
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('--open starts $VISUAL (before $EDITOR) on the new file', async () => {
    const dir = tempProject({ ...PROJECT, 'editor.mjs': "import { appendFileSync } from 'node:fs';\nappendFileSync(process.argv[2], process.argv.slice(3).join(' ') + '\\n');\n" });
    const log = path.join(dir, 'opened.log');
    const editor = (name: string) => `"${process.execPath}" "${path.join(dir, 'editor.mjs')}" "${log}" ${name}`;
    const result = await runCli(['new', 'Back pain', '--yes', '--open'], { cwd: dir, env: { ...env, VISUAL: editor('visual'), EDITOR: editor('editor') } });
    expect(result.code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe(`visual ${path.join(dir, 'articles', 'back-pain.md')}\n`);
  });

  it('--open without $VISUAL or $EDITOR says so and still succeeds', async () => {
    const dir = tempProject(PROJECT);
    const result = await runCli(['new', 'Back pain', '--yes', '--open'], { cwd: dir, env });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\$VISUAL or \$EDITOR/);
    expect(existsSync(path.join(dir, 'articles', 'back-pain.md'))).toBe(true);
  });

  it("uses a project's own template for a type, and the generic one for a custom type", async () => {
    const dir = tempProject({
      'healthmd.config.yaml': 'types:\n  news:\n    requiredSections: [Summary]\n    medical: false\n',
      'templates/articles/treatment.md': '---\n{{ front_matter }}\n---\n\nOur house style for {{ title }}.\n',
    });
    await runCli(['new', 'Flu jab', '--type', 'treatment'], { cwd: dir, env });
    await runCli(['new', 'Opening hours', '--type', 'news'], { cwd: dir, env });
    expect(readFileSync(path.join(dir, 'articles', 'flu-jab.md'), 'utf8')).toContain('Our house style for Flu jab.');
    expect(readFileSync(path.join(dir, 'articles', 'opening-hours.md'), 'utf8')).toMatch(/\n## Summary\n\n\[\[/);
  });
});

describe('healthmd new: a fresh scaffold passes the lint rules', () => {
  const cases = [
    { type: 'condition', reviewer: true },
    { type: 'condition', reviewer: false },
    { type: 'treatment', reviewer: true },
    { type: 'treatment', reviewer: false },
    { type: 'article', reviewer: true },
    { type: 'article', reviewer: false },
    { type: 'news', reviewer: false },
    { type: 'faq', reviewer: true },
  ];
  const config = 'types:\n  news:\n    requiredSections: [Summary, Sources, Disclaimer]\n    medical: false\n  faq:\n    requiredSections: [Questions]\n    medical: true\n';

  it.each(cases)('$type (reviewer: $reviewer): only placeholders and the review not yet recorded are reported', async ({ type, reviewer }) => {
    const dir = tempProject({ 'healthmd.config.yaml': config });
    const args = ['new', 'Sciatica', '--type', type, '--treatment', 'Physiotherapy', '--treatment', 'Pain relief', '--yes'];
    if (reviewer) args.push('--reviewer', 'Dr Ana Ruiz, GP');
    expect((await runCli(args, { cwd: dir, env })).code).toBe(0);
    const text = readFileSync(path.join(dir, 'articles', 'sciatica.md'), 'utf8');
    const expected = (m: LintMessage) => m.ruleId === 'no-placeholder' || m.ruleId === 'review-current';
    const messages = await lint(dir, 'articles/sciatica.md');
    expect(messages.filter((m) => !expected(m))).toEqual([]);
    expect(messages.filter((m) => m.ruleId === 'no-placeholder').length).toBe((text.match(PLACEHOLDER) ?? []).length);
  });

  it.each(cases.filter((c) => c.reviewer || c.type === 'news'))('$type: once every placeholder is filled in and the review recorded, lint is clean', async ({ type, reviewer }) => {
    const dir = tempProject({ 'healthmd.config.yaml': config });
    const args = ['new', 'Sciatica', '--type', type, '--treatment', 'Physiotherapy', '--treatment', 'Pain relief', '--yes'];
    if (reviewer) args.push('--reviewer', 'Dr Ana Ruiz, GP');
    await runCli(args, { cwd: dir, env });
    const file = path.join(dir, 'articles', 'sciatica.md');
    writeFileSync(file, fillIn(readFileSync(file, 'utf8')));
    expect(readFileSync(file, 'utf8')).not.toMatch(PLACEHOLDER);
    if (reviewer) {
      const [unrecorded] = await lint(dir, 'articles/sciatica.md');
      expect(unrecorded).toMatchObject({ ruleId: 'review-current', messageId: 'missing-date' });
      expect(unrecorded.message).toContain('healthmd review articles/sciatica.md --by "Dr Ana Ruiz, GP"');
      expect((await runCli(['review', 'articles/sciatica.md', '--by', 'Dr Ana Ruiz, GP'], { cwd: dir, env })).code).toBe(0);
    }
    expect(await lint(dir, 'articles/sciatica.md')).toEqual([]);
  });
});

describe('healthmd new on a terminal', () => {
  let session: PtySession | undefined;
  afterEach(() => session?.kill());

  it('asks for what is missing and writes the answers', async () => {
    const dir = tempProject(PROJECT);
    session = new PtySession(['new'], { cwd: dir, env });
    await session.answer('Title', 'Sciatica');
    await session.waitFor('Type');
    await session.type(KEY.up + KEY.up); // from the default (article) to condition
    await session.type(KEY.enter);
    await session.answer('Condition', 'Sciatica');
    await session.answer('Treatments', 'Physiotherapy, Pain relief');
    await session.answer('Author', 'Sam Lee');
    await session.answer('Medical reviewer', 'Dr Ana Ruiz, GP');
    expect((await session.exited).exitCode).toBe(0);
    const file = path.join(dir, 'articles', 'sciatica.md');
    expect(session.output).toContain(path.join('articles', 'sciatica.md'));
    expect(frontMatter(file)).toEqual({
      title: 'Sciatica',
      description: expect.stringMatching(PLACEHOLDER),
      date: TODAY,
      author: 'Sam Lee',
      type: 'condition',
      condition: 'Sciatica',
      treatments: ['Physiotherapy', 'Pain relief'],
      tags: [],
      reviewedBy: 'Dr Ana Ruiz, GP',
    });
    expect(readFileSync(file, 'utf8')).toMatch(/\n## Physiotherapy\n\n\[\[[^\]]+\]\]\n/);
  });

  it('asks only for what the flags left out', async () => {
    const dir = tempProject(PROJECT);
    session = new PtySession(['new', 'Flu vaccine', '--type', 'treatment', '--condition', 'Flu', '--treatment', 'Vaccine'], { cwd: dir, env });
    await session.answer('Author', '');
    await session.answer('Medical reviewer', '');
    expect((await session.exited).exitCode).toBe(0);
    expect(session.output).not.toMatch(/Title|Type|Condition|Treatments/);
    expect(frontMatter(path.join(dir, 'articles', 'flu-vaccine.md'))).not.toHaveProperty('reviewedBy');
  });

  it('with --yes asks nothing', async () => {
    const dir = tempProject(PROJECT);
    session = new PtySession(['new', 'Flu vaccine', '--yes'], { cwd: dir, env });
    expect((await session.exited).exitCode).toBe(0);
    expect(session.output).not.toContain('?');
    expect(existsSync(path.join(dir, 'articles', 'flu-vaccine.md'))).toBe(true);
  });

  it('Ctrl-C at a question exits 2, says it was cancelled and writes nothing', async () => {
    const dir = tempProject(PROJECT);
    session = new PtySession(['new'], { cwd: dir, env });
    await session.answer('Title', 'Sciatica');
    await session.waitFor('Type');
    await session.type(KEY.enter);
    await session.waitFor('Condition');
    await session.type('Sci');
    await session.type(KEY.ctrlC);
    expect((await session.exited).exitCode).toBe(2);
    expect(session.output).toMatch(/healthmd: cancelled; nothing was written/);
    expect(session.output).not.toMatch(/\n\s+at /);
    expect(readdirSync(path.join(dir, 'articles'))).toEqual(['.gitkeep']);
  });
});

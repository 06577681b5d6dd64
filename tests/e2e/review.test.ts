import { lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject } from './helpers.js';

const NOW = { HEALTHMD_NOW: '2025-06-15' };
const BY = 'Dr Jane Smith, MD';
const BOM = '\ufeff';

/** Articles in many YAML styles, each with the text review must produce (by BY on 2025-06-01). */
const STYLES: Record<string, { before: string; after: string }> = {
  'articles/commented.md': {
    before: [
      '---',
      '# Front matter for the back-pain page',
      'title: Back pain   # shown as the H1',
      'date: 2024-05-08',
      'author:',
      '  - Jordan Ellis   # lead writer',
      '  - Sam Okafor',
      '',
      '# Medical review',
      'reviewedBy: Dr Old Reviewer, MBBS  # the last one',
      'lastReviewed: 2024-05-10 # yearly',
      'tags: [back, pain]',
      '---',
      '',
      'reviewedBy: this line is body text and stays.',
      '',
    ].join('\n'),
    after: [
      '---',
      '# Front matter for the back-pain page',
      'title: Back pain   # shown as the H1',
      'date: 2024-05-08',
      'author:',
      '  - Jordan Ellis   # lead writer',
      '  - Sam Okafor',
      '',
      '# Medical review',
      `reviewedBy: ${BY}  # the last one`,
      'lastReviewed: 2025-06-01 # yearly',
      'tags: [back, pain]',
      '---',
      '',
      'reviewedBy: this line is body text and stays.',
      '',
    ].join('\n'),
  },
  'articles/windows.md': {
    before: `${BOM}---\r\ntitle: "Knee pain"\r\ndate: "2024-06-01"\r\ntags: [knee, "joint pain"]\r\n---\r\nBody line one.\r\nBody line two.\r\n`,
    after: `${BOM}---\r\ntitle: "Knee pain"\r\ndate: "2024-06-01"\r\ntags: [knee, "joint pain"]\r\nreviewedBy: ${BY}\r\nlastReviewed: 2025-06-01\r\n---\r\nBody line one.\r\nBody line two.\r\n`,
  },
  'articles/sub/indented.md': {
    before: '---\n   title: Odd indentation\n   date: 2025-01-02\n   treatments:\n     - rest\n---\nNo final newline',
    after: `---\n   title: Odd indentation\n   date: 2025-01-02\n   treatments:\n     - rest\n   reviewedBy: ${BY}\n   lastReviewed: 2025-06-01\n---\nNo final newline`,
  },
  'articles/sub/folded.md': {
    before: "---\ntitle: 'Migraine'\nreviewedBy: >\n  Dr Someone With\n  A Long Name, PhD\nlastReviewed: '2023-01-01'\ndate: 2022-12-01\n---\n# Heading\n",
    after: `---\ntitle: 'Migraine'\nreviewedBy: >\n  ${BY}\nlastReviewed: '2025-06-01'\ndate: 2022-12-01\n---\n# Heading\n`,
  },
  'articles/reviewer-only.md': {
    before: "---\ntitle: Sleep\nreviewedBy: 'Dr Old'\ndate: 2025-05-01\n---\nText\n",
    after: `---\ntitle: Sleep\nreviewedBy: '${BY}'\nlastReviewed: 2025-06-01\ndate: 2025-05-01\n---\nText\n`,
  },
};

function project(files: Record<string, string>): string {
  // Bytes, so a BOM and CRLF reach the disk exactly as written here.
  return tempProject(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, Buffer.from(text, 'utf8')])));
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const befores = (files: Record<string, { before: string }>) => Object.fromEntries(Object.entries(files).map(([name, { before }]) => [name, before]));

function expectUntouched(dir: string, files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) expect(read(dir, name), name).toBe(text);
}

describe('healthmd review', () => {
  it('changes only reviewedBy and lastReviewed, byte for byte, in every style', async () => {
    const dir = project(befores(STYLES));
    const result = await runCli(['review', 'articles', '--by', BY, '--date', '2025-06-01'], { cwd: dir, env: NOW });
    // These bare articles have no sources or disclaimer: each is signed off with a warning, and written.
    const warnings = result.stderr.split('\n').filter((line) => line && !line.startsWith('  '));
    expect(warnings).toHaveLength(Object.keys(STYLES).length);
    for (const line of warnings) expect(line).toMatch(/^healthmd: warning: articles\/.*: signed off with \d+ lint errors? or placeholders? still in it/);
    expect(result.code).toBe(0);
    for (const [name, { after }] of Object.entries(STYLES)) expect(read(dir, name), name).toBe(after);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(Object.keys(STYLES).length);
    for (const name of Object.keys(STYLES)) expect(lines.some((line) => line.startsWith(`${name}:`))).toBe(true);
    expect(readdirSync(path.join(dir, 'articles')).sort()).toEqual(['commented.md', 'reviewer-only.md', 'sub', 'windows.md']);
  });

  it('writes files that still parse, with the review read back by list', async () => {
    const dir = project(befores(STYLES));
    await runCli(['review', 'articles', '--by', BY], { cwd: dir, env: NOW });
    const list = await runCli(['list', '--json'], { cwd: dir, env: NOW });
    const rows = JSON.parse(list.stdout) as { path: string; reviewedBy: string; lastReviewed: string; dueInDays: number; errors: number }[];
    expect(rows).toHaveLength(Object.keys(STYLES).length);
    for (const row of rows) {
      expect(row.lastReviewed, row.path).toBe('2025-06-15');
      expect(row.reviewedBy.trim(), row.path).toBe(BY);
      expect(row.dueInDays).toBe(365);
    }
    const lint = await runCli(['lint', 'articles', '--format', 'json', '--rule', 'review-current=error'], { cwd: dir, env: NOW });
    const messages = (JSON.parse(lint.stdout) as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(messages).not.toContain('front-matter-valid');
    expect(messages).not.toContain('review-current');
  });

  it('takes files, folders and globs, and leaves the others alone', async () => {
    const dir = project(befores(STYLES));
    const result = await runCli(['review', 'articles/sub/*.md', 'articles/windows.md', '--by', BY, '--date', '2025-06-01'], { cwd: dir, env: NOW });
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(read(dir, 'articles/sub/folded.md')).toBe(STYLES['articles/sub/folded.md'].after);
    expect(read(dir, 'articles/windows.md')).toBe(STYLES['articles/windows.md'].after);
    expectUntouched(dir, { 'articles/commented.md': STYLES['articles/commented.md'].before });
  });

  it('edits the target of a symbolic link and keeps the link', async () => {
    const dir = project({ 'shared/sleep.md': STYLES['articles/reviewer-only.md'].before });
    symlinkSync('shared/sleep.md', path.join(dir, 'articles-link.md'));
    const result = await runCli(['review', 'articles-link.md', '--by', BY, '--date', '2025-06-01'], { cwd: dir, env: NOW });
    expect(result.code).toBe(0);
    expect(lstatSync(path.join(dir, 'articles-link.md')).isSymbolicLink()).toBe(true);
    expect(read(dir, 'shared/sleep.md')).toBe(STYLES['articles/reviewer-only.md'].after);
  });

  it('does nothing the second time the same review is recorded', async () => {
    const dir = project({ 'articles/a.md': STYLES['articles/reviewer-only.md'].before });
    await runCli(['review', 'articles/a.md', '--by', BY], { cwd: dir, env: NOW });
    const once = read(dir, 'articles/a.md');
    const again = await runCli(['review', 'articles/a.md', '--by', BY], { cwd: dir, env: NOW });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(read(dir, 'articles/a.md')).toBe(once);
  });

  it('removes temporary files a killed run left beside the articles, and keeps those of a run still at work', async () => {
    const dir = project({
      'articles/a.md': STYLES['articles/reviewer-only.md'].before,
      'articles/b.md': STYLES['articles/reviewer-only.md'].before,
      'articles/.b.md.999999.lq3x9.tmp': '',
      [`articles/.b.md.${process.pid}.lq3x9.tmp`]: '',
      'articles/.notes.txt.999999.lq3x9.tmp': 'not healthmd’s',
    });
    expect((await runCli(['review', 'articles/a.md', '--by', BY], { cwd: dir, env: NOW })).code).toBe(0);
    expect(readdirSync(path.join(dir, 'articles')).sort()).toEqual([`.b.md.${process.pid}.lq3x9.tmp`, '.notes.txt.999999.lq3x9.tmp', 'a.md', 'b.md']);
  });

  it('refuses a date in the future, naming the file and the line of its date key, and writes nothing', async () => {
    const files = befores(STYLES);
    const dir = project(files);
    const result = await runCli(['review', 'articles', '--by', BY, '--date', '2025-06-16'], { cwd: dir, env: NOW });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('articles/commented.md:4:');
    expectUntouched(dir, files);
  });

  it("refuses a date before the article's own date and writes none of the other files either", async () => {
    const files = befores(STYLES);
    const dir = project(files);
    // reviewer-only.md is dated 2025-05-01; every other article is older.
    const result = await runCli(['review', 'articles', '--by', BY, '--date', '2025-04-30'], { cwd: dir, env: NOW });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^healthmd: articles\/reviewer-only\.md:4:1: /m);
    expect(result.stderr).not.toContain('commented.md');
    expectUntouched(dir, files);
  });

  it('refuses an unparseable article, naming the file and line, and writes none', async () => {
    const files = { ...befores(STYLES), 'articles/broken.md': '---\ntitle: A\ndate: [2024\n---\nBody\n' };
    const dir = project(files);
    const result = await runCli(['review', 'articles', '--by', BY], { cwd: dir, env: NOW });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/articles\/broken\.md:4:\d+: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expectUntouched(dir, files);
  });

  it('exits 2 for a bad invocation without touching anything', async () => {
    const files = befores(STYLES);
    const dir = project(files);
    const cases = [
      ['review', 'articles', '--by', BY, '--date', '2025-02-30'],
      ['review', 'articles', '--by', BY, '--date', '1 June 2025'],
      ['review', 'articles'],
      ['review', 'articles', '--by', '   '],
      ['review', '--by', BY],
      ['review', 'articles/missing.md', '--by', BY],
    ];
    for (const args of cases) {
      const result = await runCli(args, { cwd: dir, env: NOW });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^healthmd: /);
    }
    expectUntouched(dir, files);
  });

  describe('signing off an article that does not lint clean', () => {
    async function initProject(): Promise<{ dir: string; file: string }> {
      const dir = tempProject();
      expect((await runCli(['init', '--yes'], { cwd: dir, env: NOW })).code).toBe(0);
      return { dir, file: path.join(dir, 'articles', 'lower-back-pain.md') };
    }

    it('records the review without a word when the article is otherwise clean', async () => {
      const { dir, file } = await initProject();
      writeFileSync(file, readFileSync(file, 'utf8').replace('Example Author', 'Sam Lee'));
      const result = await runCli(['review', 'articles/lower-back-pain.md', '--by', BY, '--strict'], { cwd: dir, env: NOW });
      expect([result.code, result.stderr]).toEqual([0, '']);
      expect(readFileSync(file, 'utf8')).toContain(`reviewedBy: "${BY}"`);
    });

    it('warns, naming each finding, when the article still has a placeholder, and records the review', async () => {
      const { dir, file } = await initProject();
      const result = await runCli(['review', 'articles/lower-back-pain.md', '--by', BY], { cwd: dir, env: NOW });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain('healthmd: warning: articles/lower-back-pain.md: signed off with 1 lint error or placeholder still in it');
      expect(result.stderr).toMatch(/articles\/lower-back-pain\.md:8:9 {2}no-placeholder {2}author: "Example Author" is an example/);
      expect(readFileSync(file, 'utf8')).toContain(`reviewedBy: "${BY}"`);
    });

    it('--strict refuses: exit 1, nothing written', async () => {
      const { dir, file } = await initProject();
      const before = readFileSync(file, 'utf8');
      const result = await runCli(['review', 'articles/lower-back-pain.md', '--by', BY, '--strict'], { cwd: dir, env: NOW });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('healthmd: error: articles/lower-back-pain.md: not signed off with 1 lint error or placeholder still in it');
      expect(result.stderr).toContain('nothing was written: 1 of 1 file not lint clean (--strict)');
      expect(readFileSync(file, 'utf8')).toBe(before);
    });

    it('counts the reviewer being recorded: an example reviewer is a placeholder too', async () => {
      const { dir, file } = await initProject();
      writeFileSync(file, readFileSync(file, 'utf8').replace('Example Author', 'Sam Lee'));
      const result = await runCli(['review', 'articles/lower-back-pain.md', '--by', 'Example Reviewer, MD', '--strict'], { cwd: dir, env: NOW });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('no-placeholder  reviewedBy: "Example Reviewer, MD" is an example');
    });
  });
});

import path from 'node:path';
import pty from 'node-pty';
import { describe, expect, it } from 'vitest';
import { BIN, REPO, runCli, tempProject } from './helpers.js';

const LIBRARY = path.join(REPO, 'tests', 'fixtures', 'library');
const NOW = { HEALTHMD_NOW: '2025-06-15' };
const ESC = String.fromCharCode(27);
const stripAnsi = (text: string) => text.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), '');

interface Row {
  path: string;
  title: string | null;
  dueInDays: number | null;
  errors: number;
  warnings: number;
  [key: string]: unknown;
}

async function listJson(...args: string[]): Promise<Row[]> {
  const result = await runCli(['list', '--json', ...args], { cwd: LIBRARY, env: NOW });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Row[];
}

const paths = (rows: Row[]) => rows.map((row) => row.path);

/** Runs the CLI in a pseudo-terminal of the given width, as an editor would. */
function runInTerminal(args: string[], cols: number, extraEnv: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const env: Record<string, string> = { ...(process.env as Record<string, string>), ...NOW, ...extraEnv };
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    const child = pty.spawn(process.execPath, [BIN, ...args], { cols, rows: 50, cwd: LIBRARY, env });
    let output = '';
    child.onData((data) => (output += data));
    child.onExit(({ exitCode }) => resolve({ code: exitCode, output }));
  });
}

describe('healthmd list --json', () => {
  it('gives every article with its review dates, draft flag and stable keys', async () => {
    const rows = await listJson();
    const migraine = rows.find((row) => row.path === 'articles/migraine.md');
    expect(migraine).toEqual({
      path: 'articles/migraine.md',
      title: 'Migraine: Triggers, Warning Signs and the Treatments That Help Most People',
      type: 'article',
      date: '2023-11-20',
      author: 'Jordan Ellis, Sam Okafor',
      reviewedBy: 'Dr Jane Smith, MD',
      lastReviewed: '2024-03-05',
      reviewDue: '2025-03-05',
      dueInDays: -102,
      draft: false,
      published: true,
      errors: migraine!.errors,
      warnings: migraine!.warnings,
    });
    const rowOf = Object.fromEntries(rows.map((row) => [row.path, row]));
    expect(rowOf['articles/back-pain.md']).toMatchObject({ lastReviewed: '2025-03-01', reviewDue: '2026-03-01', dueInDays: 259 });
    expect(rowOf['articles/conditions/knee-osteoarthritis.md']).toMatchObject({ reviewDue: '2025-06-25', dueInDays: 10 });
    expect(rowOf['articles/sleep-apnoea.md']).toMatchObject({ reviewedBy: null, lastReviewed: null, reviewDue: null, dueInDays: null });
    expect(rowOf['articles/news/2025-06-01-new-physiotherapy-clinic.md']).toMatchObject({ type: 'news', date: '2025-06-01', dueInDays: null });
    expect(rowOf['articles/drafts/flu-vaccine.md']).toMatchObject({ draft: true, dueInDays: 339 });
    expect(rowOf['articles/broken-front-matter.md']).toMatchObject({ title: null });
    expect(rowOf['articles/broken-front-matter.md'].errors).toBeGreaterThan(0);
    expect(rowOf['articles/heel-pain.md'].errors).toBeGreaterThan(0);
  });

  it('counts the same errors and warnings as healthmd lint (with --drafts, as list shows drafts too)', async () => {
    const rows = await listJson();
    const lint = await runCli(['lint', '--no-cache', '--format', 'json', '--drafts'], { cwd: LIBRARY, env: NOW });
    expect(lint.code).toBe(1);
    const counts = Object.fromEntries(
      (JSON.parse(lint.stdout) as { filePath: string; errorCount: number; warningCount: number }[]).map((r) => [
        r.filePath,
        [r.errorCount, r.warningCount],
      ]),
    );
    expect(Object.keys(counts).sort()).toEqual(paths(rows).sort());
    for (const row of rows) expect([row.errors, row.warnings], row.path).toEqual(counts[row.path]);
  });

  it('sorts by date (newest first, the default), title, or review (most overdue first)', async () => {
    expect(paths(await listJson())).toEqual([
      'articles/news/2025-06-01-new-physiotherapy-clinic.md',
      'articles/drafts/flu-vaccine.md',
      'articles/sleep-apnoea.md',
      'articles/heel-pain.md',
      'articles/back-pain.md',
      'articles/conditions/knee-osteoarthritis.md',
      'articles/migraine.md',
      'articles/broken-front-matter.md',
    ]);
    expect((await listJson('--sort', 'title')).map((row) => row.title)).toEqual([
      'Heel Pain',
      'Knee Osteoarthritis',
      'Living Well with Back Pain',
      'Migraine: Triggers, Warning Signs and the Treatments That Help Most People',
      'Our New Physiotherapy Clinic Opens in June',
      'Sleep Apnoea',
      'The Flu Vaccine',
      null,
    ]);
    expect(paths(await listJson('--sort', 'review')).slice(0, 6)).toEqual([
      'articles/sleep-apnoea.md',
      'articles/migraine.md',
      'articles/conditions/knee-osteoarthritis.md',
      'articles/heel-pain.md',
      'articles/back-pain.md',
      'articles/drafts/flu-vaccine.md',
    ]);
  });

  it('--due keeps what is overdue or due within 30 days, or within DAYS', async () => {
    expect(paths(await listJson('--due', '--sort', 'review'))).toEqual(['articles/sleep-apnoea.md', 'articles/migraine.md', 'articles/conditions/knee-osteoarthritis.md']);
    expect(paths(await listJson('--due', '9', '--sort', 'review'))).toEqual(['articles/sleep-apnoea.md', 'articles/migraine.md']);
    expect(paths(await listJson('--sort', 'review', '--due', '255'))).toEqual([
      'articles/sleep-apnoea.md',
      'articles/migraine.md',
      'articles/conditions/knee-osteoarthritis.md',
      'articles/heel-pain.md',
    ]);
  });

  it('takes "today" from HEALTHMD_NOW', async () => {
    const later = await runCli(['list', '--json'], { cwd: LIBRARY, env: { HEALTHMD_NOW: '2025-06-25' } });
    const knee = (JSON.parse(later.stdout) as Row[]).find((row) => row.path === 'articles/conditions/knee-osteoarthritis.md');
    expect(knee?.dueInDays).toBe(0);
  });
});

describe('healthmd list (table)', () => {
  it('without a terminal (a pipe, CI), plain, with every column in full and every article and its review state', async () => {
    const result = await runCli(['list'], { cwd: LIBRARY, env: { ...NOW, COLUMNS: '60' } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toContain('…');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual(['PATH', 'TITLE', 'TYPE', 'DATE', 'REVIEWER', 'REVIEWED', 'REVIEW DUE', 'ERR', 'WARN']);
    const lineOf = (file: string) => lines.find((line) => line.startsWith(`${file} `)) ?? '';
    expect(lineOf('articles/migraine.md')).toMatch(/^articles\/migraine\.md\s+Migraine: Triggers, Warning Signs and the Treatments That Help Most People\s+article\s+2023-11-20\s+Dr Jane Smith, MD\s+2024-03-05\s+overdue by 102 days/);
    expect(lineOf('articles/news/2025-06-01-new-physiotherapy-clinic.md')).toContain('news');
    expect(lineOf('articles/sleep-apnoea.md')).toContain('never reviewed');
    expect(lineOf('articles/heel-pain.md')).toContain('in 250 days');
    expect(lineOf('articles/broken-front-matter.md')).toMatch(/\(cannot be parsed\)\s+.*—\s+[1-9]/);
    expect(lines.some((line) => /\[draft\] The Flu/.test(line))).toBe(true);
    expect(lines.at(-1)).toMatch(/^8 articles: 1 overdue, 1 never reviewed, 1 due within 30 days/);
  });

  it('names files as lint does, relative to the working directory, so a path from list can be passed to review', async () => {
    const dir = tempProject({ 'healthmd.config.yaml': 'site:\n  title: T\n', 'articles/a.md': '---\ntitle: A\ndate: 2025-01-01\nreviewedBy: Dr X\nlastReviewed: 2024-01-01\n---\nText.\n' });
    const [row] = JSON.parse((await runCli(['list', '--json'], { cwd: dir, env: NOW })).stdout) as Row[];
    expect(row.path).toBe('articles/a.md');
    const lint = JSON.parse((await runCli(['lint', '--format', 'json'], { cwd: dir, env: NOW })).stdout) as { filePath: string }[];
    expect(lint.map((r) => r.filePath)).toEqual([row.path]);
    const review = await runCli(['review', row.path, '--by', 'Dr Y, GP'], { cwd: dir, env: NOW });
    expect(review.code).toBe(0);
    // In a sub-folder the paths follow the working directory, as lint's do.
    const [inside] = JSON.parse((await runCli(['list', '--json'], { cwd: path.join(dir, 'articles'), env: NOW })).stdout) as Row[];
    expect(inside.path).toBe('a.md');
  });

  it('colours overdue red and due soon yellow when colour is forced', async () => {
    const result = await runCli(['list', '--due'], { cwd: LIBRARY, env: { ...NOW, NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(result.stdout).toContain(`${ESC}[31moverdue by 102 days`);
    expect(result.stdout).toContain(`${ESC}[33min 10 days`);
    // Colour forced into a pipe is still a pipe: nothing is cut.
    expect(stripAnsi(result.stdout)).not.toContain('…');
    const plain = await runCli(['list', '--due', '--no-color'], { cwd: LIBRARY, env: { ...NOW, NO_COLOR: undefined, FORCE_COLOR: '1' } });
    expect(plain.stdout).not.toContain(ESC);
  });

  it('uses the width and colour of a real terminal', async () => {
    const wide = await runInTerminal(['list'], 140);
    expect(wide.code).toBe(0);
    expect(wide.output).toContain(`${ESC}[31m`);
    const lines = stripAnsi(wide.output).split(/\r?\n/).filter(Boolean);
    expect(lines[0]).toMatch(/DATE/);
    expect(lines.some((line) => [...line].length > 80)).toBe(true);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(140);
    const narrow = await runInTerminal(['list'], 60);
    for (const line of stripAnsi(narrow.output).split(/\r?\n/)) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('fits COLUMNS on a terminal, over the terminal\'s own width', async () => {
    const result = await runInTerminal(['list'], 140, { COLUMNS: '70' });
    const lines = stripAnsi(result.output).split(/\r?\n/).filter(Boolean);
    expect(lines.length).toBeGreaterThan(8);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(70);
    expect(lines.some((line) => [...line].length > 60)).toBe(true);
  });

  it('says so when nothing is due, and when there are no articles', async () => {
    const reviewed = tempProject({ 'articles/a.md': '---\ntitle: A\ndate: 2025-01-01\nreviewedBy: Dr X\nlastReviewed: 2025-06-01\n---\nText.\n' });
    const none = await runCli(['list', '--due'], { cwd: reviewed, env: NOW });
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^No reviews due/);
    const empty = tempProject({ 'articles/.keep': '' });
    const result = await runCli(['list'], { cwd: empty, env: NOW });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^No articles/);
    const json = await runCli(['list', '--json'], { cwd: empty, env: NOW });
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('exits 2 for bad flags and a missing articles folder', async () => {
    const due = await runCli(['list', '--due', 'soon'], { cwd: LIBRARY, env: NOW });
    expect(due.code).toBe(2);
    expect(due.stderr).toContain('--due');
    expect((await runCli(['list', '--sort', 'author'], { cwd: LIBRARY, env: NOW })).code).toBe(2);
    const missing = await runCli(['list'], { cwd: tempProject({ 'README.md': '# x\n' }), env: NOW });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/articles/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});

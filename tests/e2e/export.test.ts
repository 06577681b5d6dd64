import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';
import { listFiles, SAMPLE_NOW, sampleProject } from '../site/support/project.js';

const env = { HEALTHMD_NOW: SAMPLE_NOW };

/** The project's files, without the export targets: what an export must leave as it was. */
function snapshot(project: string, ignore: string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of listFiles(project)) {
    if (ignore.some((target) => file === target || file.startsWith(`${target}/`))) continue;
    files.set(file, readFileSync(path.join(project, file), 'utf8'));
  }
  return files;
}

/** Waits for the detached remover of work folders: their removal is off the command's critical path. */
async function settled(project: string): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const leftovers = readdirSync(project).filter((name) => name.includes('.healthmd-'));
    if (leftovers.length === 0) return [];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return readdirSync(project).filter((name) => name.includes('.healthmd-'));
}

describe('healthmd export', () => {
  let project: string;

  beforeAll(() => {
    project = sampleProject();
  });

  it('exports the sample articles into a folder: exit 0, one summary line, nothing written outside the folder', async () => {
    const before = snapshot(project, ['handoff']);
    const result = await runCli(['export', '--out', 'handoff'], { cwd: project, env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(/\b6 articles\b/);
    expect(listFiles(path.join(project, 'handoff'))).toContain('articles/hospital-rehab/index.html');
    expect(await settled(project)).toEqual([]);
    expect(snapshot(project, ['handoff'])).toEqual(before);
  });

  it('writes a zip, streamed beside its target and renamed into place, leaving nothing else behind', async () => {
    const before = snapshot(project, ['handoff', 'handoff.zip']);
    const result = await runCli(['-C', project, 'export', '--zip', 'handoff.zip'], { env });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(project, 'handoff.zip')).subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    expect(await settled(project)).toEqual([]);
    expect(snapshot(project, ['handoff', 'handoff.zip'])).toEqual(before);
  });

  it('gives a zip the same bytes in every time zone', async () => {
    const zips: Buffer[] = [];
    for (const [i, TZ] of ['Pacific/Auckland', 'America/Los_Angeles', 'UTC'].entries()) {
      const result = await runCli(['export', '--zip', `tz-${i}.zip`, '--single-file'], { cwd: project, env: { ...env, TZ } });
      expect(result.code).toBe(0);
      zips.push(readFileSync(path.join(project, `tz-${i}.zip`)));
    }
    expect(zips[1].equals(zips[0])).toBe(true);
    expect(zips[2].equals(zips[0])).toBe(true);
  });

  it('selects by path, --tag and --since', async () => {
    const articles = (dir: string) => listFiles(path.join(project, dir)).filter((f) => f.startsWith('articles/'));
    expect((await runCli(['export', 'articles/womens-health', '--out', 'by-path'], { cwd: project, env })).code).toBe(0);
    expect(articles('by-path')).toEqual([
      'articles/womens-health/how-often-should-you-visit-a-gynecologist/index.html',
      'articles/womens-health/preparing-for-your-first-mammogram/index.html',
    ]);
    expect((await runCli(['export', '--tag', 'cancer', '--out', 'by-tag'], { cwd: project, env })).code).toBe(0);
    expect(articles('by-tag')).toEqual(['articles/cancer/precision-medicine/index.html', 'articles/womens-health/preparing-for-your-first-mammogram/index.html']);
    expect((await runCli(['export', '--since', '2024-03-15', '--out', 'since'], { cwd: project, env })).code).toBe(0);
    expect(articles('since')).toEqual([
      'articles/collaborative-care-back-pain/index.html',
      'articles/trauma-informed-therapy/index.html',
      'articles/womens-health/preparing-for-your-first-mammogram/index.html',
    ]);
  });

  it('exits 2 for a usage error, naming the flag, and writes nothing', async () => {
    const cases = [
      ['export'],
      ['export', '--out', 'x', '--zip', 'x.zip'],
      ['export', '--out', 'x', '--since', '2024-13-01'],
      ['export', '--out', 'x', '--since', 'last week'],
      ['export', '--out', 'x', '--tag', 'no-such-tag'],
      ['export', 'articles/no-such-article.md', '--out', 'x'],
    ];
    for (const args of cases) {
      const result = await runCli(args, { cwd: project, env });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/^healthmd: /);
      expect(result.stderr, args.join(' ')).not.toMatch(/\n\s+at /);
    }
    expect(existsSync(path.join(project, 'x'))).toBe(false);
    expect(existsSync(path.join(project, 'x.zip'))).toBe(false);
  });

  it('exits 2 for a target it must not replace, naming the target', async () => {
    mkdirSync(path.join(project, 'notes'), { recursive: true });
    writeFileSync(path.join(project, 'notes', 'keep.txt'), 'mine');
    writeFileSync(path.join(project, 'notes.zip'), 'mine');
    for (const [args, named] of [
      [['--out', '.'], '.'],
      [['--out', 'articles'], 'articles'],
      [['--out', '..'], '..'],
      [['--out', 'notes'], 'notes'],
      [['--zip', 'notes.zip'], 'notes.zip'],
      [['--zip', 'notes'], 'notes'],
    ] as const) {
      const result = await runCli(['export', ...args], { cwd: project, env });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(`healthmd: ${named}: `);
    }
    expect(readFileSync(path.join(project, 'notes', 'keep.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(path.join(project, 'notes.zip'), 'utf8')).toBe('mine');
  });

  it('exits 1 when lint finds errors, showing them; --skip-lint exports anyway; drafts need --drafts', async () => {
    const draft = sampleProject();
    writeFileSync(
      path.join(draft, 'articles', 'standing-desks.md'),
      '---\ntitle: Standing desks\ndescription: Whether a standing desk helps your back, and how to use one without making things worse.\ndate: 2025-01-02\nauthor: Sam Lee\ndraft: true\n---\nNot finished.\n',
    );
    const withoutDrafts = await runCli(['export', '--out', 'a'], { cwd: draft, env });
    expect(withoutDrafts.code).toBe(0);
    expect(listFiles(path.join(draft, 'a'))).not.toContain('articles/standing-desks/index.html');

    const blocked = await runCli(['export', '--out', 'a', '--drafts'], { cwd: draft, env });
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain('articles/standing-desks.md');
    expect(blocked.stderr).toMatch(/required-sections|sources-present|review-current/);
    expect(listFiles(path.join(draft, 'a'))).not.toContain('articles/standing-desks/index.html');

    const skipped = await runCli(['export', '--out', 'a', '--drafts', '--skip-lint'], { cwd: draft, env });
    expect(skipped.code).toBe(0);
    expect(listFiles(path.join(draft, 'a'))).toContain('articles/standing-desks/index.html');
  });

  it('documents itself in --help with examples', async () => {
    const result = await runCli(['export', '--help']);
    expect(result.code).toBe(0);
    for (const flag of ['--out', '--zip', '--single-file', '--tag', '--since', '--drafts', '--skip-lint', 'Examples:']) expect(result.stdout).toContain(flag);
  });
});

import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/formatters/stylish.js';
import { context, diagnostic, result, sampleResults } from './sample-results.js';

const ANSI = /\x1b\[[0-9;]*m/g;
const ROW = /^  ( *\d+):(\d+ *)  (error|warning) *  (.+?) +(\S+)$/;

function blocks(output: string): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of output.split('\n')) {
    if (line === '' || line.startsWith('✖') || line.startsWith('  ') === false) {
      current = line === '' || line.startsWith('✖') ? undefined : [];
      if (current) files.set(line, current);
    } else current?.push(line);
  }
  return files;
}

describe('formatStylish', () => {
  it('prints nothing when there is nothing to report', () => {
    expect(formatStylish([], context())).toBe('');
    expect(formatStylish([result('articles/clean.md', [])], context())).toBe('');
  });

  it('lists each file with findings under its relative path, one row per finding', () => {
    const output = formatStylish(sampleResults(), context());
    const files = blocks(output);
    expect([...files.keys()]).toEqual(['articles/back pain.md', 'articles/ünïcode #1, draft: v2.md', 'articles/broken.md']);
    const rows = files.get('articles/back pain.md')!.map((line) => ROW.exec(line));
    expect(rows.every(Boolean)).toBe(true);
    expect(rows.map((row) => [row![1].trim(), row![2].trim(), row![3], row![5]])).toEqual([
      ['3', '1', 'error', 'heading-structure'],
      ['12', '7', 'warning', 'no-absolute-claims'],
      ['120', '33', 'error', 'link-safety'],
    ]);
  });

  it('aligns the columns within a file', () => {
    const lines = blocks(formatStylish(sampleResults(), context())).get('articles/back pain.md')!;
    const colons = lines.map((line) => line.indexOf(':'));
    expect(new Set(colons).size).toBe(1);
    const ruleStarts = lines.map((line) => line.lastIndexOf(' ') + 1);
    expect(new Set(ruleStarts).size).toBe(1);
    const severityStarts = lines.map((line) => line.search(/error|warning/));
    expect(new Set(severityStarts).size).toBe(1);
  });

  it('keeps every finding on one line', () => {
    const lines = blocks(formatStylish(sampleResults(), context())).get('articles/ünïcode #1, draft: v2.md')!;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(ROW);
  });

  it('sums problems, errors, warnings and fixable ones across files', () => {
    const output = formatStylish(sampleResults(), context());
    const summary = output.split('\n').filter((line) => line.startsWith('✖') || line.includes('--fix'));
    expect(summary).toHaveLength(2);
    expect(summary[0]).toMatch(/^✖ 5 problems \(3 errors, 2 warnings\)$/);
    expect(summary[1]).toMatch(/^ {2}1 error and 0 warnings potentially fixable with the `--fix` option\.$/);
    expect(output.endsWith('\n')).toBe(true);
  });

  it('uses the singular for one and omits the fixable line when nothing is fixable', () => {
    const output = formatStylish([result('a.md', [diagnostic('link-safety', 2, 3)])], context());
    expect(output).toMatch(/^✖ 1 problem \(1 error, 0 warnings\)$/m);
    expect(output).not.toContain('--fix');
  });

  it('colours only when asked, and colour changes nothing but escape codes', () => {
    const plain = formatStylish(sampleResults(), context({ color: false }));
    const coloured = formatStylish(sampleResults(), context({ color: true }));
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(ANSI, '')).toBe(plain);
  });

  describe('fitted to the width', () => {
    const SHORT = 'Empty heading: give it text that names its section, or remove it';
    const LONG =
      "No disclaimer (type 'article' needs one): add a '## Disclaimer' section at the end, or run healthmd lint --fix to add the configured text";
    const file = () =>
      result('articles/a.md', [
        diagnostic('heading-structure', 3, 1, { message: SHORT }),
        diagnostic('disclaimer-present', 2, 1, { message: LONG }),
        diagnostic('no-placeholder', 14, 7, { message: 'Filler text "lorem ipsum": replace it with the real text' }),
      ]);
    const rows = (width: number) => blocks(formatStylish([file()], context({ width }))).get('articles/a.md')!;

    it('keeps a row whose message fits inside the width, its rule id aligned with the others that fit', () => {
      const lines = rows(120);
      expect(lines).toHaveLength(3);
      const fitting = [lines[0], lines[2]];
      for (const line of fitting) expect(line.length).toBeLessThanOrEqual(120);
      expect(new Set(fitting.map((line) => line.lastIndexOf(' ') + 1)).size).toBe(1);
      for (const line of lines) expect(line).toMatch(ROW);
    });

    it('never pads a row to the longest message: a message too long to fit runs on, one space-pair before its rule id', () => {
      const lines = rows(120);
      expect(lines[1]).toMatch(/\S  disclaimer-present$/);
      expect(lines[1]).toContain(LONG.replace(/\.$/, ''));
      // The rows that fit are not widened to make room for it.
      const gap = lines[0].indexOf('heading-structure') - (lines[0].indexOf(SHORT) + SHORT.length);
      expect(gap).toBeLessThan(LONG.length - SHORT.length);
    });

    it('aligns to the longest message when every message fits, as ESLint does', () => {
      const lines = rows(400);
      expect(new Set(lines.map((line) => line.lastIndexOf(' ') + 1)).size).toBe(1);
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(400);
    });

    it('on a narrow terminal still writes one line per finding, every word whole', () => {
      const lines = rows(40);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toContain(SHORT);
      for (const line of lines) expect(line).toMatch(/\S  [a-z-]+$/);
    });
  });

  it('ends a report of more than 20 findings with counts per rule and per folder, most first', () => {
    const many = [
      result('_posts/glossary/a.md', Array.from({ length: 12 }, (_, i) => diagnostic('front-matter-schema', i + 1, 1))),
      result('_posts/b.md', [
        ...Array.from({ length: 6 }, (_, i) => diagnostic('internal-links', i + 1, 1)),
        ...Array.from({ length: 3 }, (_, i) => diagnostic('readability-grade', i + 10, 1, { severity: 'warning' })),
      ]),
    ];
    const lines = formatStylish(many, context()).replace(ANSI, '').trimEnd().split('\n');
    const tail = lines.slice(lines.indexOf('Findings by rule'));
    expect(tail).toEqual([
      'Findings by rule',
      '  front-matter-schema      12  12 errors  0 warnings',
      '  internal-links            6  6 errors   0 warnings',
      '  readability-grade         3  0 errors   3 warnings',
      '',
      'Findings by folder',
      '  _posts/glossary/      12  12 errors  0 warnings',
      '  _posts/                9  6 errors   3 warnings',
      '',
      '✖ 21 problems (18 errors, 3 warnings)',
    ]);
    // 20 or fewer: no tally.
    expect(formatStylish([result('a.md', Array.from({ length: 20 }, (_, i) => diagnostic('internal-links', i + 1, 1)))], context())).not.toContain('Findings by rule');
  });

  it('sums the folders past the fifteenth on one line', () => {
    const many = Array.from({ length: 20 }, (_, i) => result(`f${String(i).padStart(2, '0')}/a.md`, [diagnostic('internal-links', 1, 1), diagnostic('internal-links', 2, 1)]));
    const output = formatStylish(many, context()).replace(ANSI, '');
    const folders = output.slice(output.indexOf('Findings by folder'));
    expect(folders).toMatch(/\n  5 more folders\s+10  10 errors/);
    expect(folders).not.toContain('f15/');
    expect(folders).toContain('f14/');
  });
});

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
});

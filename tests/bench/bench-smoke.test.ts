import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs modules of the benchmark, without types
import { generateCorpus } from '../../bench/generate-corpus.mjs';
// @ts-expect-error plain .mjs modules of the benchmark, without types
import { formatTable, formatTime, parseTimeVerbose, summarize, verdict } from '../../bench/table.mjs';
import { tempFolder } from '../support/temp-folders.js';

const REPO = path.resolve(import.meta.dirname, '..', '..');

describe('the benchmark, on 20 articles', () => {
  it('generates the corpus and the floor writes one page per article', () => {
    const dir = tempFolder('healthmd-bench-');
    generateCorpus(dir, 20);
    const out = path.join(dir, 'floor');
    execFileSync(process.execPath, [path.join(REPO, 'bench/floor.mjs'), path.join(dir, 'articles'), out]);
    const pages = readdirSync(out, { recursive: true }).filter((name) => String(name).endsWith('index.html'));
    expect(pages).toHaveLength(20);
    expect(readFileSync(path.join(out, 'topic-0/guide-1/index.html'), 'utf8')).toContain('<h2>Symptoms</h2>');
  });

  it('summarises runs as median and range and judges them against a bar', () => {
    const summary = summarize([3, 1, 2, 10]);
    expect(summary).toEqual({ median: 2.5, min: 1, max: 10, runs: 4 });
    expect(formatTime(summary)).toBe('2.50 s (1.00–10.00, 4 runs)');
    expect(formatTime(summarize([0.08, 0.09]))).toBe('85 ms (80–90, 2 runs)');
    expect([verdict(1.2, 1.2), verdict(1.21, 1.2), verdict(undefined, 1)]).toEqual(['PASS', 'FAIL', 'n/a']);
    expect(formatTable([{ measure: 'lint', healthmd: '1 s', peer: 'n/a', ratio: '0.5', goal: '≤ 1', verdict: 'PASS' }])).toBe(
      '| measure | healthmd | peer | ratio | goal | verdict |\n| --- | --- | --- | --- | --- | --- |\n| lint | 1 s | n/a | 0.5 | ≤ 1 | PASS |',
    );
    expect(parseTimeVerbose('\tMaximum resident set size (kbytes): 2048\n').peakMiB).toBe(2);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/formatters/json.js';
import type { LintResult } from '../../src/lint/engine.js';
import { CWD, context, diagnostic, result, sampleResults } from './sample-results.js';

const RESULT_KEYS = ['filePath', 'messages', 'errorCount', 'fatalErrorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount'];

describe('formatJson', () => {
  it('is an ESLint-shaped array with paths relative to cwd', () => {
    const report = JSON.parse(formatJson(sampleResults(), context()));
    expect(report.map((file: { filePath: string }) => file.filePath)).toEqual([
      'articles/back pain.md',
      'articles/ünïcode #1, draft: v2.md',
      'articles/clean.md',
      'articles/broken.md',
    ]);
    for (const file of report) expect(Object.keys(file)).toEqual(RESULT_KEYS);
  });

  it('passes the engine counts through', () => {
    const results = sampleResults();
    const report = JSON.parse(formatJson(results, context()));
    results.forEach((source, i) => {
      const { filePath: _, messages: __, output: ___, ...counts } = source;
      expect(report[i]).toMatchObject(counts);
    });
    expect(report[3].fatalErrorCount).toBe(1);
    expect(report[0].fixableErrorCount).toBe(1);
  });

  it("writes messages as ESLint does: severity 2 for an error and 1 for a warning, optional ends and fixes, ESLint's key order", () => {
    const [file] = JSON.parse(formatJson(sampleResults(), context()));
    expect(file.messages[0]).toEqual({
      ruleId: 'heading-structure',
      severity: 2,
      message: 'remove the body H1: the title is the H1.',
      line: 3,
      column: 1,
      messageId: 'h1',
      endLine: 3,
      endColumn: 14,
      fix: { range: [40, 42], text: '##' },
    });
    expect(Object.keys(file.messages[0])).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'messageId', 'endLine', 'endColumn', 'fix']);
    expect(file.messages[1].severity).toBe(1);
    expect(file.messages[1]).not.toHaveProperty('fix');
    expect(file.messages[2]).not.toHaveProperty('endLine');
    expect(file.messages[2]).not.toHaveProperty('endColumn');
  });

  it('marks fatal findings as ESLint does', () => {
    const report = JSON.parse(formatJson(sampleResults(), context()));
    expect(report[3].messages[0]).toMatchObject({ fatal: true, severity: 2 });
    expect(report[0].messages[0]).not.toHaveProperty('fatal');
  });

  it('keys come out in the same order whatever order the engine built them in', () => {
    const scrambled: LintResult = {
      fixableWarningCount: 0,
      fixableErrorCount: 0,
      fatalErrorCount: 0,
      warningCount: 0,
      errorCount: 1,
      messages: [{ column: 2, line: 1, message: 'm', severity: 'error', messageId: 'x', ruleId: 'link-safety' }],
      filePath: path.join(CWD, 'a.md'),
    };
    const [file] = JSON.parse(formatJson([scrambled], context()));
    expect(Object.keys(file)).toEqual(RESULT_KEYS);
    expect(Object.keys(file.messages[0])).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'messageId']);
  });

  it('makes paths outside cwd relative too, with forward slashes', () => {
    const outside = { ...result('x.md', [diagnostic('link-safety', 1, 1)]), filePath: path.resolve(CWD, '..', 'other', 'x.md') };
    expect(JSON.parse(formatJson([outside], context()))[0].filePath).toBe('../other/x.md');
  });

  it('is an empty array for no files', () => {
    expect(JSON.parse(formatJson([], context()))).toEqual([]);
  });
});

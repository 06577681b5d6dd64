import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from './helpers.js';

/**
 * The acceptance test healthmd grew from: the clinic's back-pain post, as published, must fail
 * lint for each thing it lacks.
 */
const FIXTURE = 'tests/fixtures/seed/collaborative-care-back-pain.md';
const text = readFileSync(path.join(REPO, FIXTURE), 'utf8');
const lines = text.split('\n');

interface Message {
  ruleId: string;
  /** ESLint's numbers: 2 error, 1 warning. */
  severity: 1 | 2;
  message: string;
  messageId?: string;
  line: number;
  column: number;
}

/** 1-based line and column of the first match of `pattern` at or after line `fromLine`. */
function find(pattern: RegExp, fromLine = 1): { line: number; column: number } {
  for (let i = fromLine - 1; i < lines.length; i++) {
    const match = pattern.exec(lines[i]);
    if (match) return { line: i + 1, column: match.index + 1 };
  }
  throw new Error(`${pattern} not found in ${FIXTURE}`);
}

const bodyLine = lines.indexOf('---', 1) + 2;

/** The heading line (## …) that owns `line`. */
function headingAbove(line: number): string {
  for (let i = line - 1; i >= 0; i--) {
    const heading = /^#{1,6}\s+(.*)$/.exec(lines[i]);
    if (heading) return heading[1].trim();
  }
  throw new Error(`no heading above line ${line}`);
}

describe('the seed article, as the clinic published it', () => {
  let code: number;
  let stderr: string;
  let messages: Message[];

  beforeAll(async () => {
    const result = await runCli(['lint', FIXTURE, '--format', 'json'], { env: { HEALTHMD_NOW: '2026-11-27' } });
    code = result.code;
    stderr = result.stderr;
    const report = JSON.parse(result.stdout) as { filePath: string; messages: Message[] }[];
    expect(report).toHaveLength(1);
    expect(report[0].filePath).toBe(FIXTURE);
    messages = report[0].messages;
  });

  const byRule = (ruleId: string) => messages.filter((m) => m.ruleId === ruleId);

  it('fails lint with exit code 1 and no stack trace', () => {
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('is refused for having no disclaimer', () => {
    expect(byRule('disclaimer-present').map((m) => [m.messageId, m.severity])).toEqual([['missing', 2]]);
  });

  it('is refused for citing no sources', () => {
    expect(byRule('sources-present').map((m) => [m.messageId, m.severity])).toEqual([['missing', 2]]);
  });

  it('names surgery and acupuncture, and only them, as treatments without a heading', () => {
    const findings = byRule('treatment-headings');
    expect(findings.every((m) => m.severity === 2)).toBe(true);
    const treatmentsLine = find(/^treatments:/);
    const cases = [
      { name: 'surgery', mention: find(/\bsurgery\b/i, bodyLine) },
      { name: 'acupuncture', mention: find(/\bacupuncture\b/i, bodyLine) },
    ];
    expect(findings).toHaveLength(cases.length);
    for (const { name, mention } of cases) {
      // The finding points at the entry in the front matter list...
      const entry = find(new RegExp(`\\b${name}\\b`), treatmentsLine.line);
      const finding = findings.find((m) => m.line === entry.line && m.column === entry.column);
      expect(finding, `a treatment-headings finding at ${entry.line}:${entry.column} for ${name}`).toBeDefined();
      expect(finding!.messageId).toBe('no-heading-mentioned');
      // ...and says where the treatment is discussed, and under which heading.
      expect(finding!.message).toMatch(new RegExp(`\\b${mention.line}\\b`));
      expect(finding!.message).toContain(headingAbove(mention.line));
    }
    expect(headingAbove(cases[0].mention.line)).toBe('Prescription Pain Medications');
    expect(headingAbove(cases[1].mention.line)).toBe('Chiropractic Care');
  });

  it('is refused for having no medical review', () => {
    expect(byRule('review-current').map((m) => [m.messageId, m.severity])).toEqual([['missing', 2]]);
  });

  it('flags "exponentially increase" at its exact place in the file', () => {
    const claim = find(/exponentially increase/, bodyLine);
    const findings = byRule('no-absolute-claims');
    expect(findings.map((m) => [m.line, m.column])).toContainEqual([claim.line, claim.column]);
  });
});

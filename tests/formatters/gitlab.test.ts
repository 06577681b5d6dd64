import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatGitlab } from '../../src/formatters/gitlab.js';
import { context, diagnostic, result, sampleResults } from './sample-results.js';

const SCHEMA = JSON.parse(readFileSync(new URL('./schemas/gitlab-codeclimate.json', import.meta.url), 'utf8'));
// What GitLab's documentation lists besides the schema (the schema accepts any string).
const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

function report(output: string): Issue[] {
  const issues = JSON.parse(output) as Issue[];
  expect(Array.isArray(issues)).toBe(true);
  return issues;
}

describe('formatGitlab', () => {
  // Ajv's default export is the class; the CommonJS package also exports it as `default`.
  const validate = new Ajv.default({ allErrors: true, strict: false }).compile(SCHEMA);

  it("is an array of entries GitLab's own schema accepts, with the keys its documentation lists", () => {
    const issues = report(formatGitlab(sampleResults(), context()));
    expect(issues).toHaveLength(5);
    for (const issue of issues) {
      expect(validate(issue), JSON.stringify(validate.errors)).toBe(true);
      expect(SEVERITIES).toContain(issue.severity);
      expect(typeof issue.check_name).toBe('string');
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
    }
  });

  it('names the rule, the message, the relative path and the lines of each finding', () => {
    const [first, second] = report(formatGitlab(sampleResults(), context()));
    expect(first).toMatchObject({
      description: 'remove the body H1: the title is the H1.',
      check_name: 'heading-structure',
      location: { path: 'articles/back pain.md', lines: { begin: 3, end: 3 } },
    });
    expect(second.location.lines).toEqual({ begin: 12, end: 12 });
  });

  it('grades fatal findings blocker, errors major and warnings minor', () => {
    const issues = report(formatGitlab(sampleResults(), context()));
    expect(issues.map((issue) => [issue.check_name, issue.severity])).toEqual([
      ['heading-structure', 'major'],
      ['no-absolute-claims', 'minor'],
      ['link-safety', 'major'],
      ['readability-grade', 'minor'],
      ['front-matter-valid', 'blocker'],
    ]);
  });

  it('never says line 0, which GitLab cannot place', () => {
    const [issue] = report(formatGitlab([result('a.md', [diagnostic('link-safety', 0, 0, { endLine: 0 })])], context()));
    expect(issue.location.lines).toEqual({ begin: 1, end: 1 });
  });

  it('gives every finding its own fingerprint, the same on every run and when lines above it move', () => {
    const issues = report(formatGitlab(sampleResults(), context()));
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    expect(report(formatGitlab(sampleResults(), context()))).toEqual(issues);

    const twice = [diagnostic('no-absolute-claims', 4, 1, { message: 'same' }), diagnostic('no-absolute-claims', 9, 1, { message: 'same' })];
    const before = report(formatGitlab([result('a.md', twice)], context())).map((issue) => issue.fingerprint);
    expect(new Set(before).size).toBe(2);
    const moved = twice.map((d) => ({ ...d, line: d.line + 3 }));
    expect(report(formatGitlab([result('a.md', moved)], context())).map((issue) => issue.fingerprint)).toEqual(before);
    // Another file, another rule or another message is another finding.
    expect(report(formatGitlab([result('b.md', twice)], context()))[0].fingerprint).not.toBe(before[0]);
  });

  it('is an empty array when there is nothing to report', () => {
    expect(report(formatGitlab([], context()))).toEqual([]);
    expect(report(formatGitlab([result('articles/clean.md', [])], context()))).toEqual([]);
  });
});

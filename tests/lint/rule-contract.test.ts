import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { resolveConfig } from '../../src/core/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { rules } from '../../src/rules/index.js';
import { defineRule, type AnyRule, type RuleReport } from '../../src/rules/types.js';
import { fileURLToPath } from 'node:url';
import { runRule } from '../rules/support/lint-with-rule.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const article = parseArticle({ path: '/project/articles/a.md', relPath: 'a.md', content: '---\ntitle: Back pain\ndate: 2024-05-08\n---\n\nSome text here.\n' });

/** A rule that reports whatever it is given (a stand-in for a rule that breaks the contract). */
function reporting(report: unknown): AnyRule {
  return defineRule({
    id: 'test-rule',
    description: 'reports what the test gives it',
    severity: 'error',
    messages: { found: 'Found {{what}}' },
    check: (context) => context.report(report as RuleReport<'found'>),
  });
}

describe('the rule contract', () => {
  it('renders a message from its template and places a body range', () => {
    const [finding] = runRule(reporting({ messageId: 'found', data: { what: 'text' }, at: { start: 1, end: 5 } }), { article });
    expect(finding).toMatchObject({ messageId: 'found', message: 'Found text', data: { what: 'text' }, line: 6, column: 1, endLine: 6, endColumn: 5 });
  });

  it('places a front-matter key, a value, and falls back to the next key, then the file', () => {
    const at = (where: unknown) => runRule(reporting({ messageId: 'found', data: { what: 'x' }, at: where }), { article })[0];
    expect(at({ key: 'title' })).toMatchObject({ line: 2, column: 1 });
    expect(at({ value: 'date' })).toMatchObject({ line: 3, column: 7 });
    expect(at({ value: 'lastReviewed', orKey: ['reviewedBy', 'title'] })).toMatchObject({ line: 2, column: 1 });
    expect(at({ key: ['type'] })).toMatchObject({ line: 1, column: 1 });
    expect(at('file')).toMatchObject({ line: 1, column: 1 });
  });

  it('fails on a message id the rule does not declare', () => {
    expect(() => runRule(reporting({ messageId: 'lost', at: 'file' }), { article })).toThrow("reported message id 'lost', which its messages do not declare (found)");
  });

  it('fails on a template value the report leaves out', () => {
    expect(() => runRule(reporting({ messageId: 'found', at: 'file' }), { article })).toThrow('needs a value for {{what}}');
  });

  it('fails when a rule computes its own line, column or message', () => {
    expect(() => runRule(reporting({ messageId: 'found', data: { what: 'x' }, line: 3, column: 1, at: 'file' }), { article })).toThrow(/reported a line, column or message of its own/);
    expect(() => runRule(reporting({ messageId: 'found', data: { what: 'x' }, message: 'mine', at: 'file' }), { article })).toThrow(/of its own/);
  });
});

describe('no rule computes a position or words a message outside its templates', () => {
  const dir = path.join(REPO_ROOT, 'src', 'rules');
  const files = [...readdirSync(dir).map((name) => path.join(dir, name)), ...readdirSync(path.join(dir, 'util')).map((name) => path.join(dir, 'util', name))].filter((file) => file.endsWith('.ts'));
  // What turning an offset into a place, or building one, looks like; the engine (src/lint/rule-report.ts) is the only place for it.
  const POSITION = /\.place\(|lines\.place\(|\b(?:line|column|endLine|endColumn):(?!\s*\{\s*lineOf\b)|\bmessage:\s*[`'"]/;
  for (const file of files) {
    it(path.relative(REPO_ROOT, file), () => {
      const offending = readFileSync(file, 'utf8')
        .split('\n')
        .map((text, index) => ({ text, line: index + 1 }))
        .filter(({ text }) => !text.trim().startsWith('//') && !text.trim().startsWith('*') && POSITION.test(text));
      expect(offending).toEqual([]);
    });
  }
});

describe('rule options are checked when the config loads', () => {
  const load = (rulesSetting: unknown) => () => resolveConfig({ rules: rulesSetting }, '/project', '/project/healthmd.config.yaml', 'healthmd.config.yaml');

  it('names an unknown option, with the one most likely meant', () => {
    expect(load({ 'review-current': { options: { maxAgeMonth: 6 } } })).toThrow('rules.review-current.options.maxAgeMonth: unknown option; did you mean maxAgeMonths?');
  });

  it('names a wrong-typed option', () => {
    expect(load({ 'description-length': { options: { max: 'long' } } })).toThrow('rules.description-length.options.max: expected a number, got text "long"');
    expect(load({ 'link-safety': { severity: 'warn', options: { allowHttp: 'yes' } } })).toThrow('rules.link-safety.options.allowHttp: expected true or false, got text "yes"');
    expect(load({ 'readability-grade': { options: { maxGrade: 40 } } })).toThrow('rules.readability-grade.options.maxGrade: expected at most 30, got the number 40');
  });

  it('says a rule takes no options, and names an unknown rule', () => {
    expect(load({ 'image-alt': { options: { strict: true } } })).toThrow('rules.image-alt.options.strict: unknown option; image-alt takes no options');
    expect(load({ 'readabilty-grade': 'off' })).toThrow('rules.readabilty-grade: unknown rule; did you mean readability-grade?');
  });

  it('names every wrong option of a file, in file order, with its line', () => {
    let error: ConfigError | undefined;
    try {
      load({ 'no-placeholder': { options: { phrase: ['x'] } }, 'description-length': { options: { min: -1 } } })();
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error?.problems?.map((problem) => problem.message)).toEqual([
      'rules.no-placeholder.options.phrase: unknown option; did you mean phrases?',
      'rules.description-length.options.min: expected at least 0, got the number -1',
    ]);
  });

  it('gives every rule its defaults when the config says nothing', () => {
    for (const rule of rules) expect(() => rule.options?.parse({})).not.toThrow();
  });
});

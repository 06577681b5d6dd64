import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig } from '../../src/core/config.js';
import { lintGate, startLintGate } from '../../src/site/lint-gate.js';

const config = () => defaultConfig('/project');
const article = (relPath: string, text: string) => parseArticle({ path: `/project/articles/${relPath}`, relPath, content: text });
const incomplete = (relPath: string, extra = '') => article(relPath, `---\ntitle: Short\n${extra}---\nNo sections at all.\n`);
const unparseable = article('broken.md', '---\ntitle: [unclosed\n---\nBody\n');

describe('lintGate', () => {
  it('blocks on lint errors', () => {
    const gate = lintGate([incomplete('a.md')], { config: config(), now: '2025-01-01' });
    expect(gate.blocked).toBe(true);
    expect(gate.errorCount).toBeGreaterThan(0);
    expect(gate.fatalCount).toBe(0);
  });

  it('lets errors through with skipLint, running only the fatal rules', () => {
    const gate = lintGate([incomplete('a.md')], { config: config(), now: '2025-01-01', skipLint: true });
    expect(gate.blocked).toBe(false);
    expect(gate.results[0].messages).toEqual([]);
  });

  it('always blocks on an unparseable file, with or without skipLint', () => {
    for (const skipLint of [false, true]) {
      const gate = lintGate([incomplete('a.md'), unparseable], { config: config(), now: '2025-01-01', skipLint });
      expect(gate.blocked).toBe(true);
      expect(gate.fatalCount).toBe(1);
      expect(gate.results[1].messages.map((m) => m.ruleId)).toEqual(['front-matter-valid']);
    }
  });

  it('always blocks two articles on one URL, even when config turns the rule off', () => {
    const c = config();
    c.rules['unique-slug'] = { severity: 'off' };
    const gate = lintGate([incomplete('a.md', 'slug: same\n'), incomplete('b.md', 'slug: same\n')], { config: c, now: '2025-01-01', skipLint: true });
    expect(gate.blocked).toBe(true);
    expect(gate.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}/${m.messageId}`))).toEqual(['unique-slug/duplicate-url', 'unique-slug/duplicate-url']);
  });

  it('with findingsOnly keeps the results of files with findings only, and counts as without it', () => {
    const articles = [incomplete('a.md'), incomplete('b.md'), unparseable];
    for (const whole of [undefined, (a: (typeof articles)[number]) => a]) {
      const every = lintGate(articles, { config: config(), now: '2025-01-01', skipLint: true, whole });
      const reduced = lintGate(articles, { config: config(), now: '2025-01-01', skipLint: true, whole, findingsOnly: true });
      expect(every.results.map((r) => r.filePath)).toEqual(articles.map((a) => a.path));
      expect(reduced.results).toEqual([every.results[2]]);
      expect({ ...reduced, results: [] }).toEqual({ ...every, results: [] });
    }
  });
});

describe('startLintGate', () => {
  it('throws a rule failure again at finish instead of a verdict on the files before it', () => {
    const articles = [incomplete('a.md'), incomplete('b.md'), incomplete('c.md')];
    const run = startLintGate(articles, {
      config: config(),
      now: '2024-06-01',
      whole: (a) => {
        if (a.relPath === 'b.md') throw new Error('a rule failed');
        return a;
      },
    });
    run.step(1);
    expect(run.blocking).toBe(true);
    expect(() => run.step(5)).toThrow('a rule failed');
    expect(() => run.finish()).toThrow('a rule failed');
  });
});

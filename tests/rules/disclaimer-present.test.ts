import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { lintArticles } from '../../src/lint/engine.js';
import { rules } from '../../src/rules/index.js';

const DISCLAIMER = 'Talk to your doctor before changing any treatment.';
const only = Object.fromEntries(rules.map((rule) => [rule.id, rule.id === 'disclaimer-present' ? 'error' : 'off'] as const));

function makeConfig(): Config {
  const config = defaultConfig('/project');
  config.disclaimer.text = DISCLAIMER;
  return config;
}

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/disclaimer-present/${name}`, import.meta.url), 'utf8');
}

function lint(content: string, { fix = false, config = makeConfig() } = {}) {
  const article = parseArticle({ path: '/project/articles/article.md', relPath: 'article.md', content });
  const [result] = lintArticles([article], { config, now: '2026-01-15', fix, ruleOverrides: only });
  return result;
}

const ids = (content: string, config?: Config) => lint(content, { config }).messages.map((m) => `${m.line}:${m.column} ${m.messageId}`);

describe('disclaimer-present', () => {
  it('accepts a non-empty section under an alias heading', () => {
    expect(ids(fixture('ok.md'))).toEqual([]);
  });

  it('reports a missing disclaimer at the type key, fixable', () => {
    const result = lint(fixture('not-ok.md'));
    expect(result.messages.map((m) => `${m.line}:${m.column} ${m.messageId}`)).toEqual(['6:1 missing']);
    expect(result.fixableErrorCount).toBe(1);
  });

  it('reports an empty section (a comment is not content) at its heading', () => {
    expect(ids(fixture('not-ok-empty.md'))).toEqual(['10:1 empty']);
  });

  it('appends the configured text after one blank line, and a second --fix changes nothing', () => {
    const once = lint(fixture('not-ok.md'), { fix: true });
    expect(once.messages).toEqual([]);
    expect(once.output).toBe(`${fixture('not-ok.md').trimEnd()}\n\n## Disclaimer\n\n${DISCLAIMER}\n`);
    const twice = lint(once.output!, { fix: true });
    expect(twice.output).toBeUndefined();
    expect(twice.messages).toEqual([]);
  });

  it('fills an empty section right under its heading, idempotently', () => {
    const once = lint(fixture('not-ok-empty.md'), { fix: true });
    expect(once.messages).toEqual([]);
    expect(once.output).toContain(`## Disclaimer\n\n${DISCLAIMER}\n\n<!-- healthmd:`);
    expect(once.output!.replace(`\n\n${DISCLAIMER}\n`, '')).toBe(fixture('not-ok-empty.md'));
    expect(lint(once.output!, { fix: true }).output).toBeUndefined();
  });

  it('fills an empty section that ends the file, and one followed by a blank line', () => {
    const base = '---\ntitle: T\n---\n\nText.\n\n## Disclaimer';
    expect(lint(base, { fix: true }).output).toBe(`${base}\n\n${DISCLAIMER}\n`);
    expect(lint(`${base}\n\n## Sources\n`, { fix: true }).output).toBe(`${base}\n\n${DISCLAIMER}\n\n## Sources\n`);
  });

  it('keeps CRLF line endings', () => {
    const crlf = fixture('not-ok.md').replace(/\n/g, '\r\n');
    const once = lint(crlf, { fix: true });
    expect(once.output).toBe(`${crlf.trimEnd()}\r\n\r\n## Disclaimer\r\n\r\n${DISCLAIMER}\r\n`);
    expect(once.output!.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lint(once.output!, { fix: true }).output).toBeUndefined();
  });

  it('does not append inside an unclosed code fence', () => {
    const result = lint('---\ntitle: T\n---\n\nText.\n\n```\nnpm install\n', { fix: true });
    expect(result.messages.map((m) => m.messageId)).toEqual(['missing']);
    expect(result.messages[0].fix).toBeUndefined();
    expect(result.output).toBeUndefined();
  });

  it('applies to medical types and to types that require a disclaimer, not to other types', () => {
    const config = makeConfig();
    config.types.news = { requiredSections: [], medical: false };
    config.types.notice = { requiredSections: ['Medical Disclaimer'], medical: false };
    expect(ids('---\ntitle: Opening hours\ntype: news\n---\n\nWe open at 8am.\n', config)).toEqual([]);
    expect(ids('---\ntitle: Flu jabs\ntype: notice\n---\n\nBook now.\n', config)).toEqual(['3:1 missing']);
    expect(ids('---\ntitle: Flu jabs\ntype: unknown\n---\n\nBook now.\n', config)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig } from '../../src/core/config.js';
import type { CalendarDate } from '../../src/core/dates.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { lintArticles } from '../../src/lint/engine.js';
import { rules } from '../../src/rules/index.js';

const RULE = 'description-length';
const NOW = '2025-03-01' as CalendarDate;

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${RULE}/${name}`, import.meta.url), 'utf8');
}

function lint(content: string, options?: Record<string, unknown>): Diagnostic[] {
  const config = defaultConfig('/project');
  for (const rule of rules) if (rule.id !== RULE && rule.id !== 'front-matter-valid') config.rules[rule.id] = { severity: 'off' };
  if (options) config.rules[RULE] = { options };
  const article = parseArticle({ path: '/project/articles/article.md', relPath: 'article.md', content });
  return lintArticles([article], { config, now: NOW })[0].messages;
}

const withDescription = (value: string) => `---\ntitle: Hay fever\ndescription: ${value}\ndate: 2024-05-08\n---\nBody.\n`;
const ids = (messages: Diagnostic[]) => messages.map((m) => `${m.messageId}@${m.line}:${m.column}`);

describe('description-length', () => {
  it('accepts a description of 50 to 160 characters', () => {
    expect(lint(fixture('ok.md'))).toEqual([]);
  });

  it('reports a short description at its value, with the count', () => {
    const messages = lint(fixture('not-ok.md'));
    expect(ids(messages)).toEqual(['too-short@3:14']);
    expect(messages[0].severity).toBe('warning');
    expect(messages[0].message).toMatch(/\b20\b/);
  });

  it('reports a long folded description at its value, counting the text as read', () => {
    const messages = lint(fixture('not-ok-too-long.md'));
    expect(ids(messages)).toEqual(['too-long@3:14']);
    expect(messages[0].message).toMatch(/\b217\b/);
  });

  it('includes both bounds', () => {
    expect(lint(withDescription('x'.repeat(50)))).toEqual([]);
    expect(lint(withDescription('x'.repeat(160)))).toEqual([]);
    expect(ids(lint(withDescription('x'.repeat(49))))).toEqual(['too-short@3:14']);
    expect(ids(lint(withDescription('x'.repeat(161))))).toEqual(['too-long@3:14']);
  });

  it('counts characters, not UTF-16 units: an accented letter or an emoji is one', () => {
    expect(lint(withDescription(`"${'é'.repeat(25)}${'🙂'.repeat(25)}"`))).toEqual([]);
    expect(ids(lint(withDescription(`"${'🙂'.repeat(49)}"`)))).toEqual(['too-short@3:14']);
  });

  it('takes min and max from options', () => {
    const value = '"Hay fever: causes, symptoms and treatment."';
    expect(ids(lint(withDescription(value)))).toEqual(['too-short@3:14']);
    expect(lint(withDescription(value), { min: 20, max: 60 })).toEqual([]);
    expect(ids(lint(withDescription(value), { min: 10, max: 30 }))).toEqual(['too-long@3:14']);
  });

  it('leaves a missing, empty or non-text description to front-matter-schema', () => {
    expect(lint('---\ntitle: Hay fever\ndate: 2024-05-08\n---\nBody.\n')).toEqual([]);
    expect(lint(withDescription('""'))).toEqual([]);
    expect(lint(withDescription('42'))).toEqual([]);
    expect(lint(withDescription('[one, two]'))).toEqual([]);
  });
});

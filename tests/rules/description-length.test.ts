import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { fixture as ruleFixture, lintOne } from './support/lint-with-rule.js';

const RULE = 'description-length';

const fixture = (name: string): string => ruleFixture(RULE, name);
const lint = (content: string, options?: Record<string, unknown>): Diagnostic[] => lintOne(RULE, content, { options });

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

  it('reports Markdown in the description, which previews and the page show as written, and passes plain text', () => {
    const long = (markup: string) => withDescription(`"Allergy tests at the practice: ${markup} tell us which pollen or dust causes your symptoms."`);
    for (const [markup, found] of [
      ['**skin tests** or **blood tests**', '**skin tests**'],
      ['_patch tests_', '_patch tests_'],
      ['[skin tests](tests.md)', '[skin tests](tests.md)'],
      ['`IgE` tests', '`IgE`'],
    ]) {
      const messages = lint(long(markup));
      expect(ids(messages), markup).toEqual(['markup@3:14']);
      expect(messages[0].message).toContain(found);
    }
    expect(ids(lint(withDescription('"Two paragraphs, the first of them long enough to pass the length check on its own.\n\nAnd a second."')))).toEqual(['markup@3:14']);
    expect(lint(withDescription('Allergy tests at the practice (skin or blood tests) find the pollen, 2 * 3 or dust_mite causing it.'))).toEqual([]);
  });
});

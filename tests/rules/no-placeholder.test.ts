import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { fixture as ruleFixture, lintOne } from './support/lint-with-rule.js';
import { PLACEHOLDER_PATTERN } from '../../src/rules/no-placeholder.js';

const RULE = 'no-placeholder';

const fixture = (name: string): string => ruleFixture(RULE, name);
const lint = (content: string, options?: Record<string, unknown>): Diagnostic[] => lintOne(RULE, content, { options });

const ids = (messages: Diagnostic[]) => messages.map((m) => `${m.messageId}@${m.line}:${m.column}`);

const FRONT = '---\ntitle: Knee pain\ndescription: Knee pain explained.\ndate: 2024-05-08\nauthor: A. Writer\n---\n';

describe('no-placeholder', () => {
  it('accepts finished text, and markers only in code, comments, URLs and other words', () => {
    expect(lint(fixture('ok.md'))).toEqual([]);
  });

  it('reports each marker at its exact place: front matter, prose, headings, nested lists, tables, quotes', () => {
    const messages = lint(fixture('not-ok.md'));
    expect(ids(messages)).toEqual([
      'todo@2:9', // title: "TODO: …"
      'scaffold@3:15', // description: "[[…]]"
      'todo@8:5', // treatments item TBD
      'scaffold@14:1',
      'todo@16:11', // ## Causes TBD
      'lorem-ipsum@18:1',
      'todo@23:23', // FIXME in a list item
      'scaffold@24:34', // nested list item
      'todo@28:15', // XXX in a table cell
      'todo@30:44', // *TODO* in a blockquote
    ]);
    expect(messages.every((m) => m.severity === 'error')).toBe(true);
    const scaffold = messages.find((m) => m.line === 14)!;
    expect([scaffold.endLine, scaffold.endColumn]).toEqual([14, 31]);
    expect(messages.find((m) => m.line === 2)!.message).toMatch(/^title: /);
  });

  it('matches TODO, TBD, FIXME and XXX as upper-case whole words only', () => {
    const body = 'Make a todo list. TODOs help. The XXL size. TBD. FIXME later, XXX.\n';
    expect(ids(lint(`${FRONT}${body}`))).toEqual(['todo@7:45', 'todo@7:50', 'todo@7:63']);
  });

  it('finds lorem ipsum in any case, even across a line break', () => {
    expect(ids(lint(`${FRONT}Some text. LOREM\nIpsum dolor.\n`))).toEqual(['lorem-ipsum@7:12']);
  });

  it('exports the scaffold marker pattern the scaffolder writes', () => {
    expect(PLACEHOLDER_PATTERN.test('[[Describe the main symptoms]]')).toBe(true);
    expect(PLACEHOLDER_PATTERN.test('[a link](x) and [b]')).toBe(false);
    expect(PLACEHOLDER_PATTERN.flags).toBe('');
  });

  it('adds configured phrases, matched case-insensitively as whole words', () => {
    const text = `${FRONT}Insert photo here.\n\nWe will insert photos here later.\n`;
    expect(ids(lint(text, { phrases: ['insert photo here'] }))).toEqual(['phrase@7:1']);
    expect(ids(lint(text))).toEqual([]);
  });

  it('points into a multi-line front-matter value and ignores YAML comments', () => {
    const text = '---\ntitle: Knee pain # TODO check\ndescription: >\n  Knee pain is common.\n  TBD more.\ndate: 2024-05-08\n---\nBody.\n';
    expect(ids(lint(text))).toEqual(['todo@5:3']);
  });

  it('keeps columns exact in a CRLF file with a BOM', () => {
    const text = `\ufeff${FRONT}Intro.\n\n## Causes\n\nSee FIXME.\n`.replace(/\n/g, '\r\n');
    expect(ids(lint(text))).toEqual(['todo@11:5']);
  });

  it('can be switched off inline for one line', () => {
    const text = `${FRONT}<!-- healthmd-disable-next-line no-placeholder -->\nTBD for now.\n\nTBD again.\n`;
    expect(ids(lint(text))).toEqual(['todo@10:1']);
  });
});

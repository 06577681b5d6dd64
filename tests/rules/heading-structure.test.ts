import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/lint/engine.js';
import { fixture as fixtureOf, lintResultsWithRule, summary } from './support/lint-with-rule.js';

const RULE = 'heading-structure';

const fixture = (name: string): string => fixtureOf(RULE, name);

/** Lints one file with only this rule (and front-matter-valid) switched on. */
function lint(content: string, fix = false): LintResult {
  return lintResultsWithRule(RULE, { articles: { 'article.md': content }, fix })[0];
}

const ids = (result: LintResult) => summary(result.messages);

const FRONT = '---\ntitle: Knee pain\ndescription: Knee pain explained.\ndate: 2024-05-08\nauthor: A. Writer\n---\n';

describe('heading-structure', () => {
  it('accepts an outline that starts at H2 and never skips a level', () => {
    expect(lint(fixture('ok.md')).messages).toEqual([]);
  });

  it('reports a body H1, a skipped level, an empty heading and a duplicate sibling at their lines', () => {
    const result = lint(fixture('not-ok.md'));
    expect(ids(result)).toEqual(['h1@7:1', 'skipped-level@11:1', 'empty@15:1', 'duplicate@21:1', 'h1@25:1']);
    expect(result.messages.every((m) => m.severity === 'error')).toBe(true);
    const duplicate = result.messages.find((m) => m.messageId === 'duplicate')!;
    expect(duplicate.message).toMatch(/\b17\b/);
    // Report-only findings carry no fix.
    expect(result.messages.filter((m) => m.fix).map((m) => m.messageId)).toEqual(['h1', 'skipped-level', 'h1']);
  });

  it('fixes H1s and skipped levels by rewriting only the # run or the setext underline', () => {
    const source = fixture('not-ok.md');
    const fixed = lint(source, true).output!;
    const before = source.split('\n');
    const after = fixed.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [`${i + 1}: ${line} -> ${after[i]}`]));
    expect(changed).toEqual([
      '7: # Shin Splints -> ## Shin Splints',
      '11: #### Causes -> ### Causes',
      '26: ================= -> -----------------',
    ]);
  });

  it('is idempotent: fixing the fixed file changes nothing more', () => {
    const once = lint(fixture('not-ok.md'), true).output!;
    const twice = lint(once, true);
    expect(twice.output).toBeUndefined();
    expect(twice.messages.some((m) => m.fix)).toBe(false);
    expect(twice.messages.map((m) => m.messageId).sort()).toEqual(['duplicate', 'empty']);
  });

  it('keeps siblings siblings when lowering a skipped level, and the fixed outline lints clean', () => {
    const source = `${FRONT}## Treatment\n\n#### Rest\n\nText.\n\n#### Ice\n\nText.\n\n##### Ice packs\n\nText.\n`;
    const result = lint(source, true);
    expect(result.output).toBe(`${FRONT}## Treatment\n\n### Rest\n\nText.\n\n### Ice\n\nText.\n\n#### Ice packs\n\nText.\n`);
    expect(result.messages).toEqual([]);
    expect(ids(lint(source))).toEqual(['skipped-level@9:1', 'skipped-level@13:1', 'skipped-level@17:1']);
  });

  it('treats the title as the H1, so a body that starts at H3 skips H2', () => {
    expect(ids(lint(`${FRONT}### Causes\n\nText.\n`))).toEqual(['skipped-level@7:1']);
  });

  it('does not report children of a body H1 again once the H1 is counted as an H2', () => {
    expect(ids(lint(`${FRONT}# Overview\n\n### Causes\n\nText.\n`))).toEqual(['h1@7:1']);
  });

  it('reports a heading that sets an id another heading set, and says what it is published as', () => {
    const result = lint(`${FRONT}## Adults {#dose}\n\nText.\n\n## Children {#dose}\n\nText.\n\n## Babies {#babies}\n\nText.\n`);
    expect(ids(result)).toEqual(['duplicate-id@11:1']);
    expect(result.messages[0].message).toContain('#dose-1');
  });

  it('compares the heading text without its attribute list', () => {
    expect(ids(lint(`${FRONT}## Causes {#why}\n\nText.\n\n## Causes\n\nText.\n`))).toEqual(['duplicate@11:1']);
  });

  it('counts setext headings in the outline', () => {
    const result = lint(`${FRONT}Causes\n------\n\nText.\n\n#### Triggers\n\nText.\n`);
    expect(ids(result)).toEqual(['skipped-level@12:1']);
    expect(result.messages[0].fix).toBeDefined();
  });

  it('compares duplicate headings case- and space-insensitively, only among siblings', () => {
    const source = `${FRONT}## Causes\n\n### Overview\n\n## Treatment\n\n### Overview\n\n### overview\n`;
    expect(ids(lint(source))).toEqual(['duplicate@15:1']);
  });

  it('keeps CRLF line endings, a BOM and indentation when fixing', () => {
    const source = `\ufeff${FRONT}  # Overview\n\nText.\n\nRisks\n=====\n\nText.\n`.replace(/\n/g, '\r\n');
    const result = lint(source, true);
    expect(result.output).toBe(source.replace('  # Overview', '  ## Overview').replace('=====', '-----'));
    expect(result.messages).toEqual([]);
  });

  it('takes an opening H1 as the title when the front matter has none, so it is not a second H1', () => {
    const untitled = '---\ndescription: Knee pain explained.\ndate: 2024-05-08\nauthor: A. Writer\n---\n';
    expect(lint(`${untitled}# Knee pain\n\n## Causes\n\nText.\n`).messages).toEqual([]);
    // The fix never turns the title into an H2.
    expect(lint(`${untitled}# Knee pain\n\n## Causes\n\nText.\n`, true).output).toBeUndefined();
    // Only the first heading can be the title: a later H1 is a second one.
    expect(ids(lint(`${untitled}# Knee pain\n\n## Causes\n\n# Treatment\n\nText.\n`))).toEqual(['h1@10:1']);
    // Under the title H1, the body still starts at H2.
    expect(ids(lint(`${untitled}# Knee pain\n\n### Causes\n\nText.\n`))).toEqual(['skipped-level@8:1']);
    // A title left as `undefined` is no title: the H1 stands in for it.
    expect(lint(`---\ntitle: undefined\n---\n# Knee pain\n\n## Causes\n`).messages).toEqual([]);
  });

  it('reports an opening H1 when the front matter has a title', () => {
    expect(ids(lint(`${FRONT}# Knee pain\n\n## Causes\n`))).toEqual(['h1@7:1']);
  });

  it('ignores # lines inside code blocks', () => {
    expect(lint(`${FRONT}## Causes\n\n\`\`\`\n# not a heading\n#### nor this\n\`\`\`\n`).messages).toEqual([]);
  });

  describe('a line that looks like a heading but has no space after its #s', () => {
    it('is reported, with a fix that inserts the space, and the fixed file lints clean', () => {
      const source = `${FRONT}Vitamin D keeps bones strong.\n\n##Vitamin D sources\n\nSunlight and oily fish.\n\nIntro line.\n###Dose\n`;
      const result = lint(source);
      expect(ids(result)).toEqual(['no-space@9:1', 'no-space@14:1']);
      expect(result.messages[0]).toMatchObject({ endLine: 9, endColumn: 20, severity: 'error' });
      expect(result.messages[0].message).toContain('"##Vitamin D sources"');
      expect(result.messages[0].message).toContain('"## Vitamin D sources"');
      const fixed = lint(source, true);
      expect(fixed.output).toBe(source.replace('##Vitamin', '## Vitamin').replace('###Dose', '### Dose'));
      expect(fixed.messages).toEqual([]);
      expect(lint(fixed.output!, true).output).toBeUndefined();
    });

    it('keeps CRLF line endings and indentation when fixing', () => {
      const source = `${FRONT}Text.\n\n  ##Risks\n\nMore.\n`.replace(/\n/g, '\r\n');
      expect(lint(source, true).output).toBe(source.replace('  ##Risks', '  ## Risks'));
    });

    it('leaves hashtags, numbers, code and text in the middle of a line alone', () => {
      const body = [
        '## Sharing',
        '',
        'Post it with #MentalHealthAwareness today.',
        '',
        '#1 tip: drink water.',
        '',
        '#health #wellness #selfcare',
        '',
        '####### Seven is too many to be a heading.',
        '',
        '\\##Escaped',
        '',
        '`##Vitamin` in code',
        '',
        '```',
        '##Vitamin D',
        '```',
        '',
        '    ##Indented code',
        '',
        '<div>',
        '##Inside HTML',
        '</div>',
        '',
      ].join('\n');
      expect(lint(`${FRONT}${body}`).messages).toEqual([]);
    });
  });
});

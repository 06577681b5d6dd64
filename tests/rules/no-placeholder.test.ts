import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { fixture as ruleFixture, lintOne, lintWithRule } from './support/lint-with-rule.js';
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
      'placeholder-value@9:12', // condition: undefined
      'scaffold@15:1',
      'todo@17:11', // ## Causes TBD
      'lorem-ipsum@19:1',
      'todo@24:23', // FIXME in a list item
      'scaffold@25:34', // nested list item
      'todo@29:15', // XXX in a table cell
      'todo@31:44', // *TODO* in a blockquote
      'template-syntax@33:18', // a link's destination
      'template-syntax@33:55', // {% include %} in prose
      'template-syntax@35:1', // a Hugo shortcode
      'template-syntax@37:9', // inside an HTML block
    ]);
    expect(messages.every((m) => m.severity === 'error')).toBe(true);
    const scaffold = messages.find((m) => m.line === 15)!;
    expect([scaffold.endLine, scaffold.endColumn]).toEqual([15, 31]);
    const baseurl = messages.find((m) => m.line === 33)!;
    expect([baseurl.endLine, baseurl.endColumn]).toEqual([33, 36]);
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

  it('reports `title: undefined` at its value and says which title the page uses instead', () => {
    const text = '---\ntitle: undefined\ndescription: D\n---\n# Knee pain and running\n\nText.\n';
    const [finding] = lint(text);
    expect(ids([finding])).toEqual(['placeholder-value@2:8']);
    expect([finding.endLine, finding.endColumn]).toEqual([2, 17]);
    expect(finding.message).toContain('"Knee pain and running"');
  });

  it('reports quoted "null", NaN and [object Object] values, but not words that merely contain them', () => {
    const text = '---\ntitle: "null"\ndescription: "See [object Object] for more"\ncondition: NaN\ntags: [undefined, nullable]\n---\nA null result. An undefined cause.\n\nundefined\n';
    expect(ids(lint(text))).toEqual(['placeholder-value@2:9', 'placeholder-value@3:19', 'placeholder-value@4:12', 'placeholder-value@5:8', 'placeholder-value@9:1']);
  });

  it('reports template syntax in headings, link text, images and tables, never in code or comments', () => {
    const body = [
      '## {{ page.title }}',
      '',
      '![Logo]({{site.baseurl}}/logo.png) and [{{ page.cta }}](/book/)',
      '',
      '| Hours | {%- if open -%} |',
      '|---|---|',
      '| 9 | {{% notice %}} |',
      '',
      'Code: `{{ site.baseurl }}` and ``{% raw %}``. <!-- {{ hidden }} -->',
      '',
      '    {{ indented code }}',
      '',
      '<!-- {% comment %} -->',
      '',
    ].join('\n');
    expect(ids(lint(`${FRONT}${body}`))).toEqual(['template-syntax@7:4', 'template-syntax@9:9', 'template-syntax@9:41', 'template-syntax@11:11', 'template-syntax@13:7']);
  });

  it('reports template syntax in front matter values', () => {
    expect(ids(lint('---\ntitle: Knee pain\ndescription: "{{ page.excerpt }}"\n---\nText.\n'))).toEqual(['template-syntax@3:15']);
  });

  it('stays linear on a long line of unclosed braces', () => {
    const started = performance.now();
    lint(`${FRONT}${'{{ {% '.repeat(20_000)}\n`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ['[ × 100,000', '['.repeat(100_000)],
    ['[[a × 50,000', '[[a'.repeat(50_000)],
  ])('stays linear on a long run of unclosed brackets: %s', (_label, body) => {
    const started = performance.now();
    expect(lint(`${FRONT}\n${body}\n`).filter((m) => m.messageId === 'scaffold')).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('finds the innermost placeholder in a run of brackets', () => {
    const messages = lint(`${FRONT}\n[[[[Describe the symptoms]]\n`).filter((m) => m.messageId === 'scaffold');
    expect(ids(messages)).toEqual(['scaffold@8:3']);
  });

  it('reads brackets around a link as brackets, not as a scaffold placeholder', () => {
    const body = 'The code is public [[GitHub](https://github.com/example/clinic-app)] and so is the [[data][d]].\n\n[d]: https://example.org/data\n';
    expect(ids(lint(`${FRONT}${body}`))).toEqual([]);
    // A placeholder made into a link still shows its brackets and words.
    expect(ids(lint(`${FRONT}[[Describe the main symptoms]](/symptoms/)\n`))).toEqual(['scaffold@7:1']);
    expect(ids(lint(`${FRONT}See [[Add the leaflet's link]] and [the leaflet](https://example.org/x).\n`))).toEqual(['scaffold@7:5']);
  });

  it('leaves TOML table headers inside a Hugo shortcode, fenced code and inline code alone', () => {
    const body = [
      'Clinic settings for the booking page:',
      '',
      '{{< code-toggle file=hugo >}}',
      '[[clinics.locations]]',
      "name = 'North'",
      '{{< /code-toggle >}}',
      '',
      '```toml',
      '[[clinics.locations]]',
      '```',
      '',
      'Add a `[[clinics.locations]]` table for each clinic.',
      '',
      '[[Describe the main symptoms]]',
      '',
      '{{< note >}}TBD{{< /note >}}',
      '',
    ].join('\n');
    const found = lint(`${FRONT}${body}`).filter((m) => m.messageId !== 'template-syntax');
    // The shortcode's body holds its input; outside one, and for the words in one, the rule still reports.
    expect(ids(found)).toEqual(['scaffold@20:1', 'todo@22:13']);
  });

  it('takes a marker quoted after a word as a mention, and a quoted value after a colon as a placeholder', () => {
    const mentions = [
      'The abbreviation "TBD" stands for "to be decided".',
      "Write 'TODO' in the margin of your diary when a day is missing.",
      'The menu listed the options as “TBD.” for weeks.',
      'Old templates replaced “lorem ipsum” with real words.',
      'Markers such as "TODO", "FIXME" or "XXX" are for drafts.',
    ];
    for (const line of mentions) expect(ids(lint(`${FRONT}${line}\n`)), line).toEqual([]);
    const body = 'Dose: "TBD"\n\n- "TODO"\n\n| Drug | Dose |\n|---|---|\n| Ibuprofen | "TBD" |\n\nThe dose is TBD.\n\n"Lorem ipsum dolor sit amet."\n';
    expect(ids(lint(`${FRONT}${body}`))).toEqual(['todo@7:8', 'todo@9:4', 'todo@13:16', 'todo@15:13', 'lorem-ipsum@17:2']);
  });

  it('can be switched off inline for one line', () => {
    const text = `${FRONT}<!-- healthmd-disable-next-line no-placeholder -->\nTBD for now.\n\nTBD again.\n`;
    expect(ids(lint(text))).toEqual(['todo@10:1']);
  });

  it('reports a merge conflict git left in the text, once, from its first marker line to its last, but not one shown in a code block', () => {
    const conflict = '<<<<<<< HEAD\nTake two tablets.\n=======\nTake one tablet.\n>>>>>>> dose-update\n';
    const body = `Intro.\n\n${conflict}\n\`\`\`\n${conflict}\`\`\`\n\nA line of ======= is prose.\n`;
    const findings = lintOne(RULE, `---\ntitle: Dose\n---\n${body}`);
    expect(findings.map((d) => `${d.messageId}@${d.line}:${d.column}-${d.endLine}:${d.endColumn}`)).toEqual(['conflict-marker@6:1-10:20']);
    expect(findings[0].message).toContain('both versions would be published');
  });
});

describe('wiki links', () => {
  it('tells a wiki link to another note from a scaffold placeholder, with the Markdown link to write', () => {
    const body = '---\ntitle: Sleep\n---\nSee [[Breathing Exercises]], [[Sleep diary|a diary]], [[Stress#Signs]] and ![[chart.png]].\n\n[[Describe the main symptoms]] [[#Signs]]\n';
    const findings = lintWithRule(RULE, { articles: { 'notes/sleep.md': body }, others: { 'notes/Breathing Exercises.md': '---\ntitle: B\n---\nText.\n' } }).get('notes/sleep.md')!;
    expect(findings.map((f) => `${f.messageId}@${f.line}:${f.column}`)).toEqual(['wiki-link@4:5', 'wiki-link@4:30', 'wiki-link@4:55', 'wiki-link@4:76', 'scaffold@6:1', 'wiki-link@6:32']);
    expect(findings[0].message).toBe('Wiki link [[Breathing Exercises]] is printed as written, brackets and all: Markdown has no [[…]] links (Obsidian and wiki plugins have them); write it as [Breathing Exercises](Breathing%20Exercises.md)');
    expect(findings[1].message).toContain('write it as [a diary](Sleep%20diary.md)');
    expect(findings[2].message).toContain('write it as [Stress](Stress.md#signs)');
    expect(findings[3].message).toContain('write it as ![chart.png](chart.png)');
    expect(findings[5].message).toContain('write it as [Signs](#signs)');
  });
});

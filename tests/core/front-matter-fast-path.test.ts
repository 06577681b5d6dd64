import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYaml, splitFrontMatter } from '../../src/core/front-matter.js';
import { parseSimpleYaml } from '../../src/core/simple-yaml.js';
import { tempFolder } from '../support/temp-folders.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The fast path either declines or gives exactly what the full YAML parser gives. */
function expectSameAsYaml(yaml: string): boolean {
  const fast = parseSimpleYaml(yaml, 2);
  if (!fast) return false;
  expect(parseYaml(yaml, 2), JSON.stringify(yaml)).toEqual(fast);
  return true;
}

// --- Generators for documents inside (and just outside) the simple subset ---------------------

// Unicode spaces are text to YAML (it separates with space and tab only), so they must survive trimming.
const unicodeSpaces = ['\u00a0', '\u2003', '\u202f', '\u3000', '\u1680', '\u205f'];
const tricky = fc.constantFrom(
  ...unicodeSpaces, 'a', 'b', 'Z', 'é', '☃', '😀', ' ', ' ', ':', ': ', ' #', '#', '"', "'", "''", '-', '- ', '0', '1', '9', '.', 'e', 'E', 'x', 'o',
  '+', '[', ']', '{', '}', ',', '\\', '?', '!', '&', '*', '|', '>', '%', '@', '`', '~', '/', 'https://x.org/a?b=1#c',
);
const special = fc.constantFrom(
  'true', 'True', 'TRUE', 'false', 'FALSE', 'null', 'Null', 'NULL', '~', '', '0x1F', '0o17', '0o8', '1e3', '-1', '+2', '.5', '5.',
  '.inf', '-.Inf', '.nan', '.NaN', '2024-05-08', '2024-05-08T23:30:00-08:00', '12:30', 'yes', 'no', 'on', 'Dr. Anna Berg, MD',
  'heart failure', "Don't panic", 'C#', 'a # b', 'x:', ':x', '---', '...', '1_000',
);
const words = fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,10}$/);
const text = fc.oneof(
  special,
  fc.array(fc.oneof(words, tricky), { maxLength: 5 }).map((parts) => parts.join('')),
  { weight: 2, arbitrary: fc.tuple(words, fc.array(tricky, { maxLength: 2 }), words).map(([a, b, c]) => a + b.join('') + c) },
  fc.string({ maxLength: 4 }),
);
const scalar = fc.tuple(fc.constantFrom('plain', 'single', 'double'), text).map(([style, value]) =>
  style === 'plain' ? value : style === 'single' ? `'${value.replaceAll("'", "''")}'` : `"${value}"`,
);
const comment = fc.constantFrom('', '', ' # note', '  #note: x', '#tight', ' #');
const key = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('title', 'tags', 'date', 'true', 'null', 'Null', 'NO', '__proto__', 'constructor', 'toString', 'a-b', '_x', '9', 'bad key', 'k') },
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/) },
);
const space = fc.constantFrom(' ', ' ', '  ', '');

const entry = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(key, space, scalar, comment).map(([k, s, v, c]) => [`${k}:${s}${v}${c}`]) },
  { weight: 2, arbitrary: fc.tuple(key, space, fc.array(fc.tuple(fc.constantFrom('', ' ', '  '), scalar, fc.constantFrom('', ' '))), comment).map(([k, s, items, c]) => [
    `${k}:${s}[${items.map(([before, v, after]) => `${before}${v}${after}`).join(',')}]${c}`,
  ]) },
  { weight: 3, arbitrary: fc
    .tuple(key, fc.constantFrom('', ' # list'), fc.constantFrom('', '  ', '    '), fc.constantFrom('- ', '-  ', '-'), fc.array(fc.tuple(scalar, comment), { maxLength: 4 }), fc.boolean())
    .map(([k, c, indent, dash, items, commentBetween]) => [
      `${k}:${c}`,
      ...items.flatMap(([v, ic], i) => [...(commentBetween && i === 1 ? ['# between'] : []), `${indent}${dash}${v}${ic}`]),
    ]) },
  fc.constantFrom(['# a comment'], [''], ['  continued'], ['  # indented comment'], ['key: &a x'], ['k: *a'], ['k: !tag x'], ['k: |'], ['k: >'], ['? k'], ['k:\tv'], ['k: v '], ['---'], ['k: {a: 1}']),
);

const document = fc
  .tuple(fc.array(entry, { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([entries, newline, finalNewline]) => entries.flat().join(newline) + (finalNewline ? newline : ''));

describe('the fast front-matter path matches the full YAML parser', () => {
  it('gives the same data and places whenever it accepts a document', () => {
    let accepted = 0;
    fc.assert(
      fc.property(document, (yaml) => {
        if (expectSameAsYaml(yaml)) accepted++;
      }),
      { numRuns: 4000 },
    );
    // The generator must exercise the fast path, not only its fallbacks.
    expect(accepted).toBeGreaterThan(200);
  });

  it('keeps the Unicode spaces YAML keeps, before a comment and inside a flow list', () => {
    expect(parseSimpleYaml('title: a\u00a0 # c\n', 2)?.data).toEqual({ title: 'a\u00a0' });
    expect(parseSimpleYaml('tags: [spine\u00a0]\n', 2)?.data).toEqual({ tags: ['spine\u00a0'] });
    for (const yaml of ['title: a\u00a0 # c\n', 'tags: [spine\u00a0]\n', 'tags: [spine\u3000, back\u2003]\n']) expect(expectSameAsYaml(yaml)).toBe(true);
  });

  it('agrees with the full parser on lists at many indents: one level deep each, not too deep', () => {
    const indents = fc.array(fc.integer({ min: 1, max: 48 }), { minLength: 1, maxLength: 48 });
    fc.assert(
      fc.property(indents, fc.constantFrom('- ', '-  '), (widths, dash) => {
        const yaml = widths.map((width, i) => `k${i}:\n${' '.repeat(width)}${dash}x${i}`).join('\n') + '\n';
        expect(expectSameAsYaml(yaml), JSON.stringify(yaml)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const ascending = Array.from({ length: 33 }, (_, i) => `k${i}:\n${' '.repeat(i + 1)}- x`).join('\n') + '\n';
    expect(expectSameAsYaml(ascending)).toBe(true);
  });

  it('accepts every document built only from the subset, and reads it as YAML does', () => {
    const notText = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/).filter((k) => !notText.test(k) && k !== '__proto__');
    const words = (extra: string) => fc.stringMatching(new RegExp(`^[A-Za-z][A-Za-z0-9 .()/é${extra}-]{0,20}[A-Za-z0-9]$`)).filter((v) => !notText.test(v) && !v.includes(': '));
    const quoted = fc.oneof(
      fc.stringMatching(/^[ -&(-[\]-~éüß]{0,12}$/).map((v) => `'${v}'`),
      fc.stringMatching(/^[ !#-[\]-~éüß]{0,12}$/).map((v) => `"${v}"`),
    );
    const blockScalar = fc.oneof(words(",:'\"#"), quoted);
    const flowScalar = fc.oneof(words("'\""), quoted);
    const body = fc.oneof(
      blockScalar.map((v) => ` ${v}`),
      fc.array(blockScalar, { minLength: 1, maxLength: 3 }).map((items) => items.map((v) => `\n  - ${v}`).join('')),
      fc.array(flowScalar, { maxLength: 3 }).map((items) => ` [${items.join(', ')}]`),
    );
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(name, body), { minLength: 1, maxLength: 8, selector: ([k]) => k }), (entries) => {
        const yaml = `${entries.map(([k, v]) => `${k}:${v}`).join('\n')}\n`;
        expect(expectSameAsYaml(yaml), JSON.stringify(yaml)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

// --- Real documents ---------------------------------------------------------------------------

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function frontMatterOf(file: string): string | undefined {
  return splitFrontMatter(readFileSync(file, 'utf8')).frontMatter?.yaml;
}

describe('the fast path accepts typical front matter', () => {
  const corpus = tempFolder('healthmd-fm-corpus-');
  afterAll(() => rmSync(corpus, { recursive: true, force: true }));

  it('accepts every sample article', () => {
    const files = markdownFiles(path.join(root, 'articles'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(expectSameAsYaml(frontMatterOf(file)!), file).toBe(true);
  });

  it('accepts every generated benchmark article', () => {
    execFileSync(process.execPath, [path.join(root, 'bench/generate-corpus.mjs'), corpus, '300']);
    const files = markdownFiles(corpus);
    expect(files.length).toBe(300);
    for (const file of files) expect(expectSameAsYaml(frontMatterOf(file)!), file).toBe(true);
  });

  it('accepts the fixtures whose front matter is simple, and agrees with YAML on all of them', () => {
    const files = markdownFiles(path.join(root, 'tests/fixtures'));
    const yamls = files.map(frontMatterOf).filter((yaml): yaml is string => yaml !== undefined);
    const accepted = yamls.filter(expectSameAsYaml).length;
    expect(accepted / yamls.length).toBeGreaterThan(0.9);
  });
});

// --- Each way out of the subset -----------------------------------------------------------------

describe('the fast path leaves everything else to the full parser', () => {
  const declined: [string, string][] = [
    ['a tab', 'title:\tT\n'],
    ['a tab inside a value', 'title: a\tb\n'],
    ['a lone carriage return', 'title: a\rb: c\n'],
    ['a byte-order mark', '\ufefftitle: T\n'],
    ['a document marker inside', 'title: T\n--- x\n'],
    ['a directive', '%YAML 1.2\ntitle: T\n'],
    ['an anchor', 'title: &a T\n'],
    ['an alias', 'title: *a\n'],
    ['a tag', 'title: !x T\n'],
    ['a core tag', 'title: !!str 1\n'],
    ['an explicit key', '? title\n: T\n'],
    ['a colon and space in a plain value', 'title: Heart failure: a guide\n'],
    ['a colon ending a plain value', 'title: Heart:\n'],
    ['a continuation line', 'title: Heart\n  failure\n'],
    ['a continuation line at the margin', 'title: Heart\nfailure\n'],
    ['a literal block scalar', 'title: |\n  T\n'],
    ['a folded block scalar', 'title: >\n  T\n'],
    ['a multi-line quoted scalar', 'title: "Heart\n  failure"\n'],
    ['a nested map', 'author:\n  name: A\n'],
    ['a flow map', 'author: {name: A}\n'],
    ['a nested list', 'tags:\n  - - a\n'],
    ['a map inside a list', 'tags:\n  - name: a\n'],
    ['a flow list inside a block list', 'tags:\n  - [a, b]\n'],
    ['a nested flow list', 'tags: [a, [b]]\n'],
    ['a multi-line flow list', 'tags: [a,\n  b]\n'],
    ['a trailing comma in a flow list', 'tags: [a, b, ]\n'],
    ['an empty flow item', 'tags: [a,,b]\n'],
    ['a list item with no value', 'tags:\n  -\n'],
    ['list items with different indents', 'tags:\n  - a\n    - b\n'],
    ['an escape in double quotes', 'title: "a\\nb"\n'],
    ['text after a closing quote', 'title: "a" b\n'],
    ['a comment glued to a closing quote', 'title: "a"#c\n'],
    ['null', 'draft: null\n'],
    ['a tilde', 'draft: ~\n'],
    ['an empty value', 'draft:\ntitle: T\n'],
    ['an empty value at the end', 'title: T\ndraft:\n'],
    ['an empty value before a comment', 'title: T\ndraft: # later\n'],
    ['true', 'draft: true\n'],
    ['FALSE', 'draft: FALSE\n'],
    ['True in a list', 'flags:\n  - True\n'],
    ['an integer', 'count: 3\n'],
    ['a signed integer', 'count: -3\n'],
    ['a hex integer', 'count: 0x1F\n'],
    ['an octal integer', 'count: 0o17\n'],
    ['a float', 'weight: 1.5\n'],
    ['an exponent', 'weight: 1e3\n'],
    ['infinity', 'weight: .inf\n'],
    ['not a number', 'weight: .NaN\n'],
    ['a number in a flow list', 'tags: [a, 1]\n'],
    ['a duplicate key', 'title: A\ntitle: B\n'],
    ['a duplicate key holding a list', 'tags:\n  - a\ntags: [b]\n'],
    ['a key that is not a plain name', '"title": T\n'],
    ['a key with a dot', 'og.title: T\n'],
    ['a key starting with a digit', '1st: T\n'],
    ['a key YAML reads as a boolean', 'true: T\n'],
    ['a key YAML reads as null', 'null: T\n'],
    ['a __proto__ key', '__proto__: T\n'],
    ['a key with no space after the colon', 'title:T\n'],
    ['a space before the colon', 'title : T\n'],
    ['trailing spaces', 'title: T \n'],
    ['a line of spaces', 'title: T\n  \n'],
    ['an indented comment', 'title: T\n  # note\n'],
    ['a comment right after the key of a list', 'tags: # list\n  - a\n'],
    ['a value starting with a dash', 'title: -T\n'],
    ['a value starting with a question mark', 'title: ?T\n'],
    ['a value starting with a colon', 'title: :T\n'],
    ['a value starting with a percent sign', 'title: %T\n'],
    ['a value starting with an at sign', 'title: @T\n'],
    ['a value starting with a backtick', 'title: `T`\n'],
    ['a value starting with a brace', 'title: {T\n'],
    ['a bracket inside a plain value', 'title: a [b]\n'],
    ['a list item after a scalar value', 'title: T\n  - a\n'],
    ['a document that is not a map', '- a\n- b\n'],
    ['a document that is a plain string', 'just text\n'],
    ['a document of comments only', '# nothing\n'],
    ['an empty document', ''],
    ['a control character', 'title: a\u0007b\n'],
    ['a line separator', 'title: a\u2028b\n'],
    ['a lone surrogate', 'title: a\ud800b\n'],
  ];
  for (const [name, yaml] of declined) {
    it(`declines ${name}`, () => {
      expect(parseSimpleYaml(yaml, 2)).toBeUndefined();
    });
  }

  it('falls back to the full parser, which still reports duplicates, aliases and tags', () => {
    expect(splitFrontMatter('---\ntitle: A\ntitle: B\n---\n').frontMatter?.duplicates?.[0].key).toBe('title');
    expect(splitFrontMatter('---\na: &x A\nb: *x\n---\n').problem?.messageId).toBe('alias');
    expect(splitFrontMatter('---\ntitle: !x T\n---\n').problem?.messageId).toBe('tag');
    expect(splitFrontMatter('---\ndraft: true\ncount: 3\n---\n').frontMatter?.data).toEqual({ draft: true, count: 3 });
  });
});

describe('what the fast path does accept', () => {
  for (const [name, yaml] of [
    ['a date, kept as text', 'date: 2024-05-08\n'],
    ['a timestamp, kept as text', 'lastReviewed: 2024-05-08T23:30:00-08:00\n'],
    ['a URL with a fragment', 'canonical: https://example.org/a#b\n'],
    ['a trailing comment', 'title: Heart failure # draft\n'],
    ['a hash inside a word', 'title: C# for clinicians\n'],
    ['an apostrophe inside a plain value', "title: Don't panic\n"],
    ['single quotes with a doubled quote', "title: 'It''s fine: really # yes'\n"],
    ['double quotes holding YAML indicators', 'title: "Heart failure: a guide #1"\n'],
    ['quoted words YAML would read as other types', 'draft: "true"\ncount: \'3\'\nnothing: "null"\n'],
    ['a block list at the margin', 'tags:\n- a\n- b\n'],
    ['a block list with a comment between items', 'tags:\n  - a\n# note\n  - b\n'],
    ['a flow list of quoted and plain items', "tags: [a, 'b, c', \"d\"] # list\n"],
    ['an empty flow list', 'tags: []\n'],
    ['CRLF line endings', 'title: T\r\ntags:\r\n  - a\r\n'],
    ['blank lines and comments', '# top\n\ntitle: T\n\n# end\n'],
    ['no final newline', 'title: T'],
    ['unicode', 'title: Schlafstörung 😴\n'],
  ] as const) {
    it(`accepts ${name}, exactly as YAML reads it`, () => {
      expect(expectSameAsYaml(yaml)).toBe(true);
    });
  }

  it('records places the way the full parser does', () => {
    expect(parseSimpleYaml('title:   T\ntags:\n  -  one\n  - two\nlist: [a,  b]\n', 2)?.places).toEqual({
      title: { key: { line: 2, column: 1 }, value: { line: 2, column: 10 } },
      tags: { key: { line: 3, column: 1 }, value: { line: 4, column: 3 }, items: [{ line: 4, column: 6 }, { line: 5, column: 5 }] },
      list: { key: { line: 6, column: 1 }, value: { line: 6, column: 7 }, items: [{ line: 6, column: 8 }, { line: 6, column: 12 }] },
    });
  });
});

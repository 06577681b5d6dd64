import matter from 'gray-matter';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ARTICLE_BYTES, parseArticle, type Article } from '../../src/core/article.js';
import { MAX_FRONT_MATTER_CHARS } from '../../src/core/front-matter.js';

const article = (content: string | Uint8Array): Article => parseArticle({ path: '/project/articles/a.md', relPath: 'a.md', content });

const globals = globalThis as Record<string, unknown>;

describe('front matter in other engines is refused, never run', () => {
  afterEach(() => {
    delete globals.__healthmdPwned;
  });

  const js = '{ title: (globalThis.__healthmdPwned = "ran", "Pwned") }';

  it('gray-matter WOULD execute this ---js front matter (why healthmd does not use it to parse)', () => {
    const parsed = matter(`---js\n${js}\n---\nBody\n`);
    expect(globals.__healthmdPwned).toBe('ran');
    expect(parsed.data).toEqual({ title: 'Pwned' });
  });

  for (const fence of ['---js', '---javascript', '--- JS', '---JavaScript', '---coffee', '---json']) {
    it(`refuses ${fence} without running it`, () => {
      const a = article(`${fence}\n${js}\n---\nBody with [a link](x.md)\n`);
      expect(globals.__healthmdPwned).toBeUndefined();
      expect(a.problem?.messageId).toBe('engine');
      expect(a.problem?.place.line).toBe(1);
      expect(a.data).toEqual({});
      // An unusable file exposes no body to other rules.
      expect(a.links).toEqual([]);
    });
  }

  it('refuses TOML (+++) and JSON (;;;) fences', () => {
    expect(article('+++\ntitle = "x"\n+++\nBody\n').problem?.messageId).toBe('engine');
    expect(article(';;;\n{"title": "x"}\n;;;\nBody\n').problem?.messageId).toBe('engine');
  });

  it('accepts an explicit ---yaml fence', () => {
    const a = article('---yaml\ntitle: Fine\n---\nBody\n');
    expect(a.problem).toBeUndefined();
    expect(a.data).toEqual({ title: 'Fine' });
  });
});

describe('unsafe or broken YAML', () => {
  it('reads a quoted value that goes on over unindented lines as Jekyll and Eleventy do, folding the break into a space', () => {
    const a = article('---\ntitle: "Flu shots in\n2024"\nsummary: \'It\'\'s\nfine: really\'\ndate: 2024-05-08\n---\nBody\n');
    expect(a.problem).toBeUndefined();
    expect(a.data).toMatchObject({ title: 'Flu shots in 2024', summary: "It's fine: really", date: '2024-05-08' });
    expect(a.frontMatter?.places.date.key.line).toBe(6);
    // Same as js-yaml (gray-matter, which Eleventy uses) reads it.
    expect(matter('---\ntitle: "Flu shots in\n2024"\n---\n').data.title).toBe('Flu shots in 2024');
  });

  it('points a quote that never closes at where it opens, not at the end of the front matter', () => {
    const a = article('---\ntitle: Knee pain\ndescription: "Unclosed\ndate: 2024-05-08\nx: 1\n---\nBody\n');
    expect(a.problem).toMatchObject({ messageId: 'yaml', place: { line: 3, column: 14 } });
    expect(a.problem?.message).toContain('never closed: add the closing "');
  });

  it('reports an unclosed fence', () => {
    expect(article('---\ntitle: x\n\nBody without a closing fence\n').problem?.messageId).toBe('unclosed');
    expect(article('---').problem?.messageId).toBe('unclosed');
  });

  it('reads a duplicate key as Jekyll does (the last value), naming both lines, and the file stays usable', () => {
    const a = article('---\ntitle: One\ndate: 2024-05-08\ntitle: Two\ntitle: Three\n---\nBody\n');
    expect(a.problem).toBeUndefined();
    expect(a.data).toEqual({ title: 'Three', date: '2024-05-08' });
    expect(a.frontMatter?.places.title.key.line).toBe(5);
    expect(a.frontMatter?.duplicates).toEqual([
      { key: 'title', first: { line: 2, column: 1 }, again: { line: 4, column: 1 } },
      { key: 'title', first: { line: 2, column: 1 }, again: { line: 5, column: 1 } },
    ]);
  });

  it('still refuses a file with a duplicate key and another YAML error', () => {
    expect(article('---\ntitle: One\ntitle: Two\nbad: [\n---\nBody\n').problem?.messageId).toBe('yaml');
  });

  it('refuses aliases, at the alias', () => {
    const a = article('---\nauthor: &who Jane\nreviewedBy: *who\n---\n');
    expect(a.problem?.messageId).toBe('alias');
    expect(a.problem?.place).toEqual({ line: 3, column: 13 });
  });

  it('refuses a billion-laughs document quickly, without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const started = performance.now();
    const a = article(`---\n${levels.join('\n')}\n---\nBody\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(a.problem?.messageId).toBe('alias');
    expect(a.problem?.place.line).toBe(3);
  });

  for (const [name, yaml] of [
    ['a JS function tag', 'title: !!js/function "function () { return 1 }"'],
    ['a custom local tag', 'title: !shout hello'],
    ['a set', 'tags: !!set {a, b}'],
  ] as const) {
    it(`refuses ${name}`, () => {
      const a = article(`---\n${yaml}\n---\nBody\n`);
      expect(a.problem?.messageId).toBe('tag');
      expect(a.problem?.place.line).toBe(2);
    });
  }

  it('refuses deep nesting without overflowing the stack', () => {
    const deepFlow = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(article(`---\na: ${deepFlow}\n---\nBody\n`).problem).toBeDefined();
    const block = Array.from({ length: 60 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    expect(article(`---\n${block} x\n---\nBody\n`).problem?.messageId).toBe('too-deep');
  });

  it('refuses front matter that is not a map', () => {
    expect(article('---\n- a\n- b\n---\nBody\n').problem?.messageId).toBe('not-a-map');
    expect(article('---\njust a string\n---\nBody\n').problem?.messageId).toBe('not-a-map');
  });

  it('reports a YAML syntax error at its line', () => {
    const a = article('---\ntitle: ok\ndescription: "unclosed\ndate: 2024-05-08\n---\nBody\n');
    expect(a.problem?.messageId).toBe('yaml');
    expect(a.problem?.place.line).toBeGreaterThanOrEqual(3);
  });
});

describe('files that are not usable text', () => {
  it('refuses a file larger than the limit', () => {
    const bytes = new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61);
    expect(article(bytes).problem?.messageId).toBe('too-large');
  });

  it('refuses front matter larger than its limit', () => {
    const a = article(`---\ntitle: ${'x'.repeat(MAX_FRONT_MATTER_CHARS + 1)}\n---\nBody\n`);
    expect(a.problem?.messageId).toBe('too-large');
  });

  it('refuses an empty or blank file', () => {
    for (const content of ['', '   \n\n', '\ufeff', new Uint8Array(0)]) expect(article(content).problem?.messageId).toBe('empty');
  });

  it('refuses binary content, naming the line of the first NUL byte', () => {
    const bytes = Uint8Array.from([...Buffer.from('---\ntitle: x\n---\nok\n'), 0x89, 0x50, 0x00, 0x01]);
    const a = article(bytes);
    expect(a.problem?.messageId).toBe('binary');
    expect(a.problem?.place).toEqual({ line: 5, column: 3 });
  });

  it('refuses invalid UTF-8, naming the line and column of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: Café\n---\nline four\nbad é '), Buffer.from([0xff]), Buffer.from(' here\n')]);
    const a = article(bytes);
    expect(a.problem?.messageId).toBe('encoding');
    expect(a.problem?.place).toEqual({ line: 5, column: 7 });
  });

  it('reports a truncated multi-byte sequence at the end of the file', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: x\n---\n'), Buffer.from([0xe2, 0x82])]);
    expect(article(bytes).problem).toMatchObject({ messageId: 'encoding', place: { line: 4, column: 1 } });
  });
});

describe('values', () => {
  it('keeps dates as the calendar-day strings they are written as', () => {
    const a = article('---\ndate: 2024-05-08\nlastReviewed: 2024-05-08T23:30:00-08:00\nupdated: "2024-06-01"\n---\nBody\n');
    expect(a.problem).toBeUndefined();
    expect(a.data.date).toBe('2024-05-08');
    expect(a.data.lastReviewed).toBe('2024-05-08T23:30:00-08:00');
    expect(a.data.updated).toBe('2024-06-01');
  });

  it('keeps unknown keys and ordinary YAML types', () => {
    const a = article('---\ntitle: T\ndraft: true\ncount: 3\ntags: [a, b]\nextra: {x: 1}\n---\nBody\n');
    expect(a.data).toEqual({ title: 'T', draft: true, count: 3, tags: ['a', 'b'], extra: { x: 1 } });
  });

  it('records where each key, value and list item is', () => {
    const a = article('---\ntitle: T\ntags:\n  - one\n  - two\n---\nBody\n');
    expect(a.frontMatter?.places.title).toEqual({ key: { line: 2, column: 1 }, value: { line: 2, column: 8 } });
    expect(a.frontMatter?.places.tags.items).toEqual([
      { line: 4, column: 5 },
      { line: 5, column: 5 },
    ]);
  });
});

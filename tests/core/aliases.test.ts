import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { articleAliases } from '../../src/core/aliases.js';

const withAliases = (values: unknown[]) =>
  parseArticle({ path: '/p/articles/old.md', relPath: 'old.md', content: `---\ntitle: Old\naliases: ${JSON.stringify(values)}\n---\nText.\n` });

describe('articleAliases', () => {
  it('writes a percent-escaped old URL at the path a web server decodes it to', () => {
    const { aliases, problems } = articleAliases(withAliases(['/salud%20respiratoria/reci%C3%A9n-nacido/', '/ni%c3%b1os.html', '/salud respiratoria/tos/']));
    expect(problems).toEqual([]);
    expect(aliases.map((alias) => alias.file)).toEqual(['salud respiratoria/recién-nacido/index.html', 'niños.html', 'salud respiratoria/tos/index.html']);
    // The old URL is kept as written, for messages and for site links.
    expect(aliases[0].text).toBe('/salud%20respiratoria/reci%C3%A9n-nacido/');
  });

  it.each([
    ['/%2e%2e/%2e%2e/etc/', '. or ..'],
    ['/a/%2E./b/', '. or ..'],
    ['/a%2e%2e%2fb/', 'escaped slash'],
    ['/a%2Fb/', 'escaped slash'],
    ['/a%5c..%5cb/', 'escaped slash'],
    ['/a%3Ab/', 'file name cannot hold'],
    ['/a%00b/', 'file name cannot hold'],
    ['/a%3Fb/', 'file name cannot hold'],
    ['/100%/', 'broken percent-escape'],
    ['/a%E9/', 'broken percent-escape'],
    ['/%2e/', '. or ..'],
  ])('refuses %s, judged after decoding', (alias, reason) => {
    const { aliases, problems } = articleAliases(withAliases([alias]));
    expect(aliases).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0].reason).toContain(reason);
  });

  it('never gives a file outside the output folder, however the old URL is escaped', () => {
    const piece = fc.oneof(
      fc.constantFrom('..', '.', '%2e', '%2E', '%2e%2e', '.%2e', '%2f', '%2F', '%5c', '%5C', '%25', '%', '%00', '%20', '/', '\\', 'a', 'index.html', ''),
      fc.string({ maxLength: 4 }),
    );
    const out = path.resolve('/site/public');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const { aliases } = articleAliases(withAliases([`/${pieces.join('')}`]));
        for (const alias of aliases) {
          const target = path.resolve(out, alias.file);
          expect(target.startsWith(`${out}${path.sep}`)).toBe(true);
          expect(alias.file.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\\0]/.test(part))).toBe(true);
        }
      }),
    );
  });
});

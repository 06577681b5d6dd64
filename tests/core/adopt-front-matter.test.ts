import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig, loadConfig, resolveConfig, type Config } from '../../src/core/config.js';
import { ConfigError } from '../../src/core/errors.js';
import { tempFolder } from '../support/temp-folders.js';

const parse = (relPath: string, content: string, config: Config = defaultConfig('/p')) => parseArticle({ path: `/p/articles/${relPath}`, relPath, content, adopt: config });

describe('defaults: values by path, front matter wins', () => {
  // Jekyll: defaults: [{scope: {path: glossary}, values: {layout: glossary}}]; Hugo: cascade: [{_target: {path: /glossary/**}, type: glossary}]
  const config = resolveConfig(
    {
      types: { glossary: { medical: false }, page: { medical: false } },
      defaults: [
        { match: 'glossary', values: { type: 'glossary', tags: ['glossary'] } },
        { match: ['contact.md', 'privacy.md'], values: { type: 'page' } },
        { match: 'es/**', values: { lang: 'es' } },
      ],
    },
    '/p',
  );

  it('gives a plain folder (Jekyll scope.path) its values, and a glob, and a list of files', () => {
    expect(parse('glossary/chip.md', '---\ntitle: CHIP\n---\nText\n', config).data).toMatchObject({ type: 'glossary', tags: ['glossary'] });
    expect(parse('contact.md', '---\ntitle: Contact\n---\nText\n', config).data.type).toBe('page');
    expect(parse('es/glossary/chip.md', '---\ntitle: CHIP\n---\nText\n', config).data).toEqual({ title: 'CHIP', lang: 'es' });
    expect(parse('back-pain.md', '---\ntitle: Back\n---\nText\n', config).data).toEqual({ title: 'Back' });
  });

  it('never overrides the file, and gives values to a file without front matter', () => {
    expect(parse('glossary/x.md', '---\ntitle: X\ntype: article\n---\nText\n', config).data.type).toBe('article');
    const bare = parse('glossary/y.md', '# Y\n\nText\n', config);
    expect(bare.data.type).toBe('glossary');
    expect(bare.frontMatter).toBeUndefined();
  });

  it('is validated with the key and what was expected', () => {
    const error = (value: unknown) => {
      try {
        resolveConfig(value, '/p');
      } catch (e) {
        return (e as ConfigError).message;
      }
      return '';
    };
    expect(error({ defaults: { match: 'x' } })).toMatch(/^defaults: expected a list/);
    expect(error({ defaults: [{ match: 'x', values: {}, scope: 'y' }] })).toMatch(/^defaults\.0\.scope: unknown key/);
    expect(error({ defaults: [{ values: {} }] })).toMatch(/^defaults\.0\.match:/);
    expect(error({ frontMatter: { aliases: { description: 3 } } })).toMatch(/^frontMatter\.aliases\.description: expected a list/);
  });

  it('names the line of a wrong key in the config file', () => {
    const dir = tempFolder('healthmd-adopt-');
    writeFileSync(path.join(dir, 'healthmd.config.yaml'), 'site:\n  title: T\ndefaults:\n  - match: glossary/**\n    values: {type: glossary}\n    scope: {path: glossary}\n');
    try {
      loadConfig(dir);
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).message).toMatch(/defaults\.0\.scope: unknown key/);
      expect((e as ConfigError).line).toBe(6);
    }
  });
});

describe('frontMatter.aliases: keys read from the names another tool used', () => {
  const config = resolveConfig({ frontMatter: { aliases: { description: ['meta-description'], date: 'lastupdate' } } }, '/p');

  it('reads the canonical key from the alias, pointing at the line as the file spells it', () => {
    const article = parse('a.md', '---\ntitle: A\nmeta-description: What helps\nlastupdate: 2024-02-01\n---\nText\n', config);
    expect(article.data).toMatchObject({ description: 'What helps', date: '2024-02-01' });
    expect(article.frontMatter?.places.description.key.line).toBe(3);
    expect(article.frontMatter?.places.date.value).toEqual({ line: 4, column: 13 });
    expect(article.frontMatter?.spelled).toEqual({ description: 'meta-description', date: 'lastupdate' });
  });

  it('prefers the key itself when both are written', () => {
    expect(parse('a.md', '---\ndescription: Own\nmeta-description: Other\n---\nText\n', config).data.description).toBe('Own');
  });

  it("reads Hugo's summary and publishDate and Jekyll's excerpt out of the box", () => {
    const hugo = parse('a.md', '---\ntitle: A\nsummary: Short\npublishDate: 2024-03-01\n---\nText\n');
    expect(hugo.data).toMatchObject({ description: 'Short', date: '2024-03-01' });
    expect(parse('b.md', '---\nexcerpt: From Jekyll\n---\nText\n').data.description).toBe('From Jekyll');
  });

  it("reads Hugo's lastmod and the last_modified_at of Jekyll's plugin as updated, and keeps an updated written as such", () => {
    expect(parse('a.md', '---\ntitle: A\ndate: 2024-03-10\nlastmod: 2025-09-01\n---\nText\n').data.updated).toBe('2025-09-01');
    expect(parse('b.md', '---\ntitle: B\nlastMod: 2025-09-02\n---\nText\n').data.updated).toBe('2025-09-02');
    expect(parse('c.md', '---\ntitle: C\nlast_modified_at: 2025-09-03 10:00:00 +0100\n---\nText\n').data.updated).toBe('2025-09-03 10:00:00 +0100');
    expect(parse('d.md', '---\ntitle: D\nupdated: 2025-01-01\nlastmod: 2025-09-01\n---\nText\n').data.updated).toBe('2025-01-01');
  });
});

import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { articleLanguage, articleTitle } from '../../src/core/article-info.js';
import { defaultConfig } from '../../src/core/config.js';

const parse = (relPath: string, content: string) => parseArticle({ path: `/project/articles/${relPath}`, relPath, content });

describe('articleTitle', () => {
  it('takes the front matter title, trimmed', () => {
    expect(articleTitle(parse('a.md', '---\ntitle: "  Back pain "\n---\n# Other\n'))).toEqual({ text: 'Back pain', source: 'front-matter' });
  });

  it('takes the body H1 when the front matter has no title and the outline opens with it', () => {
    const title = articleTitle(parse('0001-01-01-footer.md', '---\ndate: 2024-05-08\n---\n<!-- note -->\nIntro.\n\n# Vitamin D\n\n## Why\n'));
    expect(title).toMatchObject({ text: 'Vitamin D', source: 'heading' });
    expect(title.heading?.depth).toBe(1);
    expect(articleTitle(parse('a.md', 'Vitamin D\n=========\n\nText.\n'))).toMatchObject({ text: 'Vitamin D', source: 'heading' });
  });

  it('does not take an H1 that comes after another heading, or an empty one', () => {
    expect(articleTitle(parse('knee-pain.md', '---\n---\n## Causes\n\n# Treatment\n'))).toEqual({ text: 'Knee pain', source: 'file-name' });
    expect(articleTitle(parse('knee-pain.md', '#\n\nText.\n'))).toEqual({ text: 'Knee pain', source: 'file-name' });
  });

  it('makes a title from the file name without its Jekyll date prefix or folder', () => {
    expect(articleTitle(parse('2019-05-03-vitamin-d-facts.md', '---\n---\nText.\n')).text).toBe('Vitamin d facts');
    expect(articleTitle(parse('news/0001-01-01-footer.md', 'Text.\n')).text).toBe('Footer');
    expect(articleTitle(parse('back_pain.MD', 'Text.\n')).text).toBe('Back pain');
    // Not a real date: the prefix is part of the name.
    expect(articleTitle(parse('2024-13-01-x.md', 'Text.\n')).text).toBe('2024 13 01 x');
  });

  it('treats a title written as `undefined`, `null`, NaN or an object as text as no title', () => {
    for (const value of ['undefined', '"null"', 'NaN', '"[object Object]"', '" Undefined "']) {
      expect(articleTitle(parse('knee-pain.md', `---\ntitle: ${value}\n---\n# Knee pain and running\n`)), value).toMatchObject({ text: 'Knee pain and running', source: 'heading' });
    }
    expect(articleTitle(parse('knee-pain.md', '---\ntitle: undefined\n---\nText.\n')).text).toBe('Knee pain');
  });

  it('keeps a title that only contains such a word', () => {
    expect(articleTitle(parse('a.md', '---\ntitle: Null results in vitamin trials\n---\n')).text).toBe('Null results in vitamin trials');
  });
});

describe('articleLanguage', () => {
  const config = defaultConfig('/project');
  const lang = (relPath: string, front = '') => articleLanguage(parse(relPath, `---\ntitle: T\n${front}---\nText.\n`), config);

  it("takes the language a Hugo file name gives (gripe.es.md), where the front matter gives none", () => {
    expect(config.site.language).toBe('en-GB');
    expect(lang('gripe.es.md')).toBe('es');
    expect(lang('about.en-us.md')).toBe('en-US');
    // A language healthmd has no strings for counts once the config's strings name it.
    expect(lang('health/about.pt-br.md')).toBe('en-GB');
    const withPortuguese = defaultConfig('/project');
    withPortuguese.strings = { pt: { published: 'Publicado' } };
    expect(articleLanguage(parse('health/about.pt-br.md', '---\ntitle: T\n---\nText.\n'), withPortuguese)).toBe('pt-BR');
    expect(lang('gripe.es.md', 'lang: fr\n')).toBe('fr');
    expect(lang('gripe.md')).toBe('en-GB');
  });

  it('does not take a word or a version before .md for a language', () => {
    for (const name of ['notes.old.md', 'plan.v2.md', 'report.final.md', 'index.md', 'a.b.c.md', '2024-05-08-x.md', 'acme.sh.md', 'nvm.io.md', 'init.el.md']) expect(lang(name), name).toBe('en-GB');
  });
});

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { HealthmdError } from '../../src/core/errors.js';
import { headingMatchesSection } from '../../src/core/sections.js';
import { DESCRIPTION_PLACEHOLDER } from '../../src/scaffold/article-front-matter.js';
import { findArticleTemplate } from '../../src/scaffold/article-template.js';
import type { NewArticle } from '../../src/scaffold/new-article.js';
import { renderArticle } from '../../src/scaffold/render-article.js';
import { tempFolder } from '../support/temp-folders.js';

const PLACEHOLDER = /\[\[[^\]]*\]\]/;

function project(files: Record<string, string> = {}): Config {
  const root = tempFolder('healthmd-render-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return defaultConfig(root);
}

function answers(overrides: Partial<NewArticle> = {}): NewArticle {
  return { title: 'Back pain', type: 'article', slug: 'back-pain', dir: '', treatments: [], tags: [], date: '2024-05-08', ...overrides };
}

function render(config: Config, article: NewArticle) {
  const text = renderArticle(findArticleTemplate(config, article.type), article, config, config.root);
  return { text, parsed: parseArticle({ path: '/x.md', relPath: 'x.md', content: text }) };
}

/** The text under a heading, up to the next heading. */
function sectionText(text: string, heading: string): string {
  const start = text.indexOf(`\n## ${heading}\n`);
  expect(start, `heading ${heading}`).toBeGreaterThan(-1);
  const rest = text.slice(start + heading.length + 5);
  const next = rest.search(/^#{1,6} /m);
  return (next === -1 ? rest : rest.slice(0, next)).trim();
}

describe('renderArticle', () => {
  it.each(['condition', 'treatment', 'article'])('gives a %s article every required section, with content', (type) => {
    const config = project();
    const { text, parsed } = render(config, answers({ type }));
    expect(parsed.problem).toBeUndefined();
    const headings = parsed.headings.map((h) => h.text);
    for (const section of config.types[type].requiredSections) {
      const heading = headings.find((h) => headingMatchesSection(h, section));
      expect(heading, `${type}: ${section}`).toBeDefined();
      expect(sectionText(text, heading!)).not.toBe('');
    }
    expect(parsed.headings.every((h) => h.depth === 2)).toBe(true);
  });

  it('writes complete front matter that parses back to the answers', () => {
    const { parsed } = render(
      project(),
      answers({ title: 'No: "quotes" & #hash', type: 'condition', condition: 'yes', treatments: ['Physiotherapy', '2024'], tags: ['back', 'on'], author: 'Sam Lee', reviewer: 'Dr Ana Ruiz, GP' }),
    );
    expect(parsed.data).toEqual({
      title: 'No: "quotes" & #hash',
      description: DESCRIPTION_PLACEHOLDER,
      date: '2024-05-08',
      author: 'Sam Lee',
      type: 'condition',
      condition: 'yes',
      treatments: ['Physiotherapy', '2024'],
      tags: ['back', 'on'],
      reviewedBy: 'Dr Ana Ruiz, GP',
    });
  });

  it('quotes what a YAML 1.1 reader would turn into a boolean or a number', () => {
    const { text } = render(project(), answers({ title: 'No', tags: ['on', '2024'] }));
    expect(text).toContain('title: "No"');
    expect(text).toMatch(/- "on"\n\s+- "2024"/);
    expect(text).toContain('date: 2024-05-08\n');
  });

  it('leaves the review out without a reviewer and puts a placeholder for a missing author', () => {
    const { parsed } = render(project(), answers());
    expect(parsed.data.reviewedBy).toBeUndefined();
    expect(parsed.data.lastReviewed).toBeUndefined();
    expect(parsed.data.author).toMatch(PLACEHOLDER);
  });

  it('has a description placeholder whose length fits description-length', () => {
    const { parsed } = render(project(), answers());
    const description = parsed.data.description as string;
    expect(description).toMatch(PLACEHOLDER);
    expect(description.length).toBeGreaterThanOrEqual(50);
    expect(description.length).toBeLessThanOrEqual(160);
  });

  it('gives each treatment a ## heading with a placeholder under it, as Markdown-safe text', () => {
    const { text, parsed } = render(project(), answers({ type: 'treatment', treatments: ['Heat *packs*', 'Physio <b>'] }));
    const headings = parsed.headings.map((h) => h.text);
    expect(headings).toContain('Heat *packs*');
    expect(headings).toContain('Physio <b>');
    expect(parsed.html).toEqual([]);
    expect(sectionText(text, 'Heat \\*packs\\*')).toMatch(PLACEHOLDER);
  });

  it('puts the configured disclaimer text under ## Disclaimer', () => {
    const config = project();
    config.disclaimer.text = 'Ask your own doctor.';
    const { text } = render(config, answers());
    expect(sectionText(text, 'Disclaimer')).toBe('Ask your own doctor.');
  });

  it('has a sources placeholder that names no URL, DOI or PMID', () => {
    const { text } = render(project(), answers());
    const sources = sectionText(text, 'Sources');
    expect(sources).toMatch(PLACEHOLDER);
    expect(sources).not.toMatch(/https?:|www\.|10\.\d{4,}|PMID:?\s*\d/i);
  });

  it('uses the generic template for a custom type, with its required sections', () => {
    const config = project();
    config.types.news = { requiredSections: ['Summary', 'What Changes', 'References', 'Disclaimer'], medical: false };
    const { text, parsed } = render(config, answers({ type: 'news', treatments: ['Flu jab'] }));
    expect(parsed.headings.map((h) => h.text)).toEqual(['Summary', 'What Changes', 'Flu jab', 'References', 'Disclaimer']);
    expect(sectionText(text, 'Summary')).toMatch(PLACEHOLDER);
    expect(sectionText(text, 'References')).toMatch(PLACEHOLDER);
    expect(sectionText(text, 'Disclaimer')).toBe(config.disclaimer.text);
  });

  it('gives a custom medical type Sources and Disclaimer even when it does not list them', () => {
    const config = project();
    config.types.faq = { requiredSections: ['Questions'], medical: true };
    config.types.news = { requiredSections: [], medical: false };
    expect(render(config, answers({ type: 'faq' })).parsed.headings.map((h) => h.text)).toEqual(['Questions', 'Sources', 'Disclaimer']);
    expect(render(config, answers({ type: 'news' })).parsed.headings).toEqual([]);
  });

  it("prefers the project's template for a type, then the project's generic template", () => {
    const own = '---\n{{ front_matter }}\n---\n\nOwn {{ type }} template.\n\n## Sources\n\n- [[source]]\n\n## Disclaimer\n\n{{ disclaimer }}\n';
    const config = project({ 'templates/articles/article.md': own, 'templates/articles/_generic.md': own.replace('Own', 'Generic') });
    config.types.news = { requiredSections: [], medical: false };
    expect(render(config, answers()).text).toContain('Own article template.');
    expect(render(config, answers({ type: 'news' })).text).toContain('Generic news template.');
    expect(render(config, answers({ type: 'condition' })).text).toContain('## Symptoms');
  });

  it("adds what a project's template lacks: required sections before Sources, treatments too", () => {
    const config = project({ 'templates/articles/condition.md': '---\n{{ front_matter }}\n---\n\nIntro.\n\n## Sources\n\n- [[source]]\n' });
    const { parsed } = render(config, answers({ type: 'condition', treatments: ['Rest'] }));
    expect(parsed.headings.map((h) => h.text)).toEqual(['Symptoms', 'Causes', 'Treatment', 'When to See a Doctor', 'Rest', 'Sources', 'Disclaimer']);
  });

  it('reports a Liquid error with the template file, line and column', () => {
    const config = project({ 'templates/articles/article.md': '---\n{{ front_matter }}\n---\n\n{{ title | nope }}\n' });
    try {
      render(config, answers());
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HealthmdError);
      const e = error as HealthmdError;
      expect([e.file, e.line, e.column, e.exitCode]).toEqual([path.join('templates', 'articles', 'article.md'), 5, 1, 2]);
    }
  });

  it('refuses a template that drops the front matter', () => {
    const config = project({ 'templates/articles/article.md': 'Just text.\n' });
    expect(() => render(config, answers())).toThrow(/front_matter/);
  });

  it('ends with exactly one newline and never has two blank lines in a row', () => {
    for (const type of ['condition', 'treatment', 'article']) {
      const { text } = render(project(), answers({ type, treatments: ['A', 'B'] }));
      expect(text.startsWith('---\n')).toBe(true);
      expect(text.endsWith('\n') && !text.endsWith('\n\n')).toBe(true);
      expect(text).not.toMatch(/\n\n\n/);
    }
  });
});

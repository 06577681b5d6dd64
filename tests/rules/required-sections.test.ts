import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig, type Config } from '../../src/core/config.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { runRule } from './support/lint-with-rule.js';
import { lintArticles } from '../../src/lint/engine.js';
import { requiredSections } from '../../src/rules/required-sections.js';
import type { ProjectView } from '../../src/rules/types.js';

const project = { articles: [], article: () => undefined, exists: () => false } satisfies ProjectView;

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/required-sections/${name}`, import.meta.url), 'utf8');
}

function check(content: string, config: Config = defaultConfig('/project')): Diagnostic[] {
  const article = parseArticle({ path: '/project/articles/article.md', relPath: 'article.md', content });
  return runRule(requiredSections, { article, config, options: {}, now: '2026-01-15', project }).sort((a, b) => a.line - b.line || a.column - b.column);
}

const ids = (reports: Diagnostic[]) => reports.map((r) => `${r.line}:${r.column} ${r.messageId}`);

describe('required-sections', () => {
  it('accepts every required section under an alias heading', () => {
    expect(check(fixture('ok.md'))).toEqual([]);
  });

  it('reports each missing section once at the type key, and an empty one at its heading', () => {
    const reports = check(fixture('not-ok.md'));
    expect(ids(reports)).toEqual(['6:1 missing', '6:1 missing', '12:1 empty']);
    expect(reports[0].message).toContain("'Causes'");
    expect(reports[1].message).toContain("'When to See a Doctor'");
  });

  it('leaves Disclaimer and Sources to their own rules', () => {
    const messages = check(fixture('not-ok.md')).map((r) => r.message).join('\n');
    expect(messages).not.toMatch(/Disclaimer|Sources/);
  });

  it('matches a heading by its words, not the attribute list that gives it an id', () => {
    const body = '---\ntitle: T\ntype: treatment\n---\n\n## Side effects {#risks .wide}\n\nBruising where the needle went in.\n';
    expect(check(body)).toEqual([]);
  });

  it('counts a sub-heading with text as content, but not an HTML comment', () => {
    const body = '---\ntitle: T\ntype: treatment\n---\n\n## Risks\n\n### Common\n\nBruising where the needle went in.\n';
    expect(check(body)).toEqual([]);
    expect(ids(check(body.replace('Bruising where the needle went in.', '<!-- to do -->')))).toEqual(['6:1 empty']);
    expect(ids(check(body.replace('Bruising where the needle went in.', '---')))).toEqual(['6:1 empty']);
  });

  it('points at the title when there is no type key, and at 1:1 without either', () => {
    const config = defaultConfig('/project');
    config.defaultType = 'treatment';
    expect(ids(check('---\ndate: 2025-01-01\ntitle: Physiotherapy\n---\n\nText.\n', config))).toEqual(['3:1 missing']);
    expect(ids(check('Physiotherapy helps most people.\n', config))).toEqual(['1:1 missing']);
  });

  it('uses the sections of a type from the config, and ignores an unknown type', () => {
    const config = defaultConfig('/project');
    config.types.news = { requiredSections: ['Opening Hours'], medical: false };
    expect(ids(check('---\ntitle: New clinic\ntype: news\n---\n\nWe open in May.\n', config))).toEqual(['3:1 missing']);
    expect(check('---\ntitle: New clinic\ntype: news\n---\n\n## Opening hours\n\nMonday to Friday, 8am to 6pm.\n', config)).toEqual([]);
    expect(check('---\ntitle: New clinic\ntype: newsletter\n---\n\nWe open in May.\n', config)).toEqual([]);
  });

  it('reports through the engine with error severity', () => {
    const article = parseArticle({ path: '/project/articles/gout.md', relPath: 'gout.md', content: fixture('not-ok.md') });
    const [result] = lintArticles([article], { config: defaultConfig('/project'), now: '2026-01-15' });
    const mine = result.messages.filter((m) => m.ruleId === 'required-sections');
    expect(mine.map((m) => [m.messageId, m.severity])).toEqual([
      ['missing', 'error'],
      ['missing', 'error'],
      ['empty', 'error'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { UsageError } from '../../src/core/errors.js';
import type { Prompter } from '../../src/scaffold/prompter.js';
import { resolveNewArticle } from '../../src/scaffold/resolve-new-article.js';

const TODAY = '2024-05-08';

/** Answers questions from a script keyed by the start of the question, and records what was asked. */
function scripted(answers: Record<string, string>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  const answer = (message: string) => {
    asked.push(message);
    const key = Object.keys(answers).find((k) => message.startsWith(k));
    if (key === undefined) throw new Error(`unexpected question: ${message}`);
    return answers[key];
  };
  return {
    asked,
    input: async (q) => {
      const value = answer(q.message);
      if (q.validate && q.validate(value) !== true) throw new Error(`invalid answer to ${q.message}: ${value}`);
      return value;
    },
    select: async (q) => {
      const value = answer(q.message);
      if (!q.choices.some((c) => c.value === value)) throw new Error(`not a choice: ${value}`);
      return value;
    },
  };
}

describe('resolveNewArticle', () => {
  const config = defaultConfig('/project');

  it('asks for everything missing, in order, and uses the answers', async () => {
    const prompter = scripted({ Title: 'Sciatica', Type: 'condition', Condition: 'Sciatica', Treatments: 'Exercise, , Pain relief,Exercise', Author: 'Sam Lee', 'Medical reviewer': 'Dr Ana Ruiz, GP' });
    const article = await resolveNewArticle(undefined, {}, config, TODAY, prompter);
    expect(prompter.asked.map((q) => q.split(' ')[0])).toEqual(['Title', 'Type', 'Condition', 'Treatments,', 'Author', 'Medical']);
    expect(article).toEqual({
      title: 'Sciatica',
      type: 'condition',
      slug: 'sciatica',
      dir: '',
      condition: 'Sciatica',
      treatments: ['Exercise', 'Pain relief'],
      tags: [],
      author: 'Sam Lee',
      reviewer: 'Dr Ana Ruiz, GP',
      date: TODAY,
    });
  });

  it('asks nothing that a flag answered', async () => {
    const prompter = scripted({});
    const flags = { type: 'treatment', condition: 'Back pain', treatment: ['Surgery'], author: 'A', reviewer: 'R' };
    const article = await resolveNewArticle('Surgery for back pain', flags, config, TODAY, prompter);
    expect(prompter.asked).toEqual([]);
    expect(article.treatments).toEqual(['Surgery']);
  });

  it('treats empty answers to optional questions as not given', async () => {
    const article = await resolveNewArticle('Sciatica', { type: 'article' }, config, TODAY, scripted({ Condition: ' ', Treatments: '', Author: '', 'Medical reviewer': '' }));
    expect([article.condition, article.treatments, article.author, article.reviewer]).toEqual([undefined, [], undefined, undefined]);
  });

  it('does not ask about condition, treatments or reviewer for a non-medical type', async () => {
    const news = defaultConfig('/project');
    news.types.news = { requiredSections: [], medical: false };
    const prompter = scripted({ Author: 'Clinic team' });
    await resolveNewArticle('New opening hours', { type: 'news' }, news, TODAY, prompter);
    expect(prompter.asked.map((q) => q.split(' ')[0])).toEqual(['Author']);
  });

  it('without a prompter, uses flags and defaults and never asks', async () => {
    const article = await resolveNewArticle('Café-Ärzte: Schlafstörungen', { tag: ['sleep', 'sleep '] }, config, TODAY);
    expect(article).toMatchObject({ type: 'article', slug: 'cafe-arzte-schlafstorungen', treatments: [], tags: ['sleep'], author: undefined });
  });

  it('without a prompter, a missing title is a usage error', async () => {
    await expect(resolveNewArticle(undefined, {}, config, TODAY)).rejects.toBeInstanceOf(UsageError);
    await expect(resolveNewArticle('  ', {}, config, TODAY)).rejects.toBeInstanceOf(UsageError);
  });

  it('refuses an unknown type, a bad slug or a folder outside articles/ before asking anything', async () => {
    for (const flags of [{ type: 'blog' }, { slug: 'Back Pain' }, { dir: '../elsewhere' }, { dir: '/tmp' }]) {
      const prompter = scripted({});
      await expect(resolveNewArticle(undefined, flags, config, TODAY, prompter)).rejects.toBeInstanceOf(UsageError);
      expect(prompter.asked).toEqual([]);
    }
  });

  it('asks for a slug when the title gives none, and needs --slug without a prompter', async () => {
    await expect(resolveNewArticle('!!!', {}, config, TODAY)).rejects.toThrow(/--slug/);
    const article = await resolveNewArticle('!!!', { type: 'article', author: '', reviewer: '', condition: '', treatment: ['x'] }, config, TODAY, scripted({ 'File name': 'exclaim' }));
    expect(article.slug).toBe('exclaim');
  });
});

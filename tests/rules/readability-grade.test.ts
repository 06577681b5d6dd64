import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/article.js';
import { defaultConfig, type Config } from '../../src/core/config.js';
import type { CalendarDate } from '../../src/core/dates.js';
import type { Diagnostic } from '../../src/core/diagnostic.js';
import { lintArticles } from '../../src/lint/engine.js';
import { rules } from '../../src/rules/index.js';
import { gradeOf, infleszOf, readingCounts } from '../../src/rules/util/readability.js';
import { spanishSyllables } from '../../src/rules/util/spanish-syllables.js';

const RULE = 'readability-grade';
const NOW = '2025-03-01' as CalendarDate;

function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${RULE}/${name}`, import.meta.url), 'utf8');
}

function lint(content: string, setup: { options?: Record<string, unknown>; config?: (config: Config) => void } = {}): Diagnostic[] {
  const config = defaultConfig('/project');
  for (const rule of rules) if (rule.id !== RULE && rule.id !== 'front-matter-valid') config.rules[rule.id] = { severity: 'off' };
  if (setup.options) config.rules[RULE] = { options: setup.options };
  setup.config?.(config);
  const article = parseArticle({ path: '/project/articles/article.md', relPath: 'article.md', content });
  return lintArticles([article], { config, now: NOW })[0].messages;
}

const FRONT = '---\ntitle: Back pain\ndescription: Back pain explained.\ndate: 2024-05-08\nauthor: A. Writer\n---\n';
const EASY = 'Rest your back for a day or two. Then start to move again. Walk a little each day. ';
const HARD =
  'Multidisciplinary rehabilitation incorporating physiotherapeutic, pharmacological and psychological interventions ' +
  'demonstrates considerably greater effectiveness than conventional unimodal management strategies. ';

describe('the Flesch–Kincaid grade of plain text', () => {
  it('matches hand-computed grades', () => {
    // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59
    expect(gradeOf(readingCounts('The cat sat on the mat.'))).toBeCloseTo(-1.45, 2);
    // 6 words, 1 sentence, 15 syllables (os-teo-ar-thri-tis, de-gen-er-a-tive, dis-ease): 0.39 × 6 + 11.8 × 2.5 − 15.59
    expect(gradeOf(readingCounts('Osteoarthritis is a degenerative joint disease.'))).toBeCloseTo(16.25, 2);
    // Two sentences of 3 and 5 words, 8 one-syllable words: 0.39 × 4 + 11.8 − 15.59
    expect(gradeOf(readingCounts('Rest your back. Then walk a bit more.'))).toBeCloseTo(-2.23, 2);
  });

  it('counts sentences at full stops, not at abbreviations, and skips URLs, citations and numbers', () => {
    expect(readingCounts('See Dr. Smith, e.g. on Monday. It helps! Read https://example.org/a-b PMID: 12345 [1].')).toEqual({
      words: 9,
      sentences: 3,
      syllables: 11, // "e.g" is read as two letters
    });
    expect(readingCounts('Take 2.5 ml twice a day.')).toMatchObject({ words: 5, sentences: 1 }); // "2.5" is not a word; "ml" is
  });

  it('treats text without a full stop as one sentence and empty text as grade 0', () => {
    expect(readingCounts('Rest your foot\nStretch it')).toMatchObject({ words: 5, sentences: 1 });
    expect(gradeOf(readingCounts(''))).toBe(0);
  });
});

describe('readability-grade', () => {
  it('accepts plain prose, whatever its Sources and Disclaimer sections say', () => {
    expect(lint(fixture('ok.md'))).toEqual([]);
  });

  it('reports once, at the hardest paragraph, with the article grade and the target', () => {
    const messages = lint(fixture('not-ok.md'));
    expect(messages.map((m) => `${m.messageId}@${m.line}:${m.column}`)).toEqual(['too-hard@11:1']);
    expect(messages[0].severity).toBe('warning');
    expect(messages[0].message).toContain('25.3');
    expect(messages[0].message).toContain('37.1');
    expect(messages[0]).toMatchObject({ endLine: 13, endColumn: 58 });
  });

  it('does not score articles with fewer than 100 words of prose', () => {
    const short = `${FRONT}${HARD.repeat(5)}\n`; // 5 × 13 words
    expect(lint(short)).toEqual([]);
    expect(lint(`${FRONT}${HARD.repeat(8)}\n`)).toHaveLength(1);
  });

  it('takes the target from readability.maxGrade, and the maxGrade option over it', () => {
    const text = `${FRONT}${EASY.repeat(6)}\n\n${HARD}${EASY.repeat(3)}\n`;
    const grade = gradeOf(readingCounts(`${EASY.repeat(6)} ${HARD}${EASY.repeat(3)}`));
    expect(grade).toBeGreaterThan(2);
    expect(grade).toBeLessThan(8);
    expect(lint(text)).toEqual([]);
    expect(lint(text, { config: (config) => (config.readability.maxGrade = 2) })).toHaveLength(1);
    expect(lint(text, { options: { maxGrade: 2 } })).toHaveLength(1);
    expect(lint(text, { options: { maxGrade: 10 }, config: (config) => (config.readability.maxGrade = 2) })).toEqual([]);
  });

  it('points at the hardest paragraph of at least 20 words, even in a list item', () => {
    const text = `${FRONT}${EASY.repeat(8)}\n\n- Short: multidisciplinary physiotherapeutic interventions.\n- ${HARD}${HARD}\n`;
    const [message] = lint(text, { options: { maxGrade: 2 } });
    expect([message.line, message.column]).toEqual([10, 3]);
  });

  it('skips headings, code and the Sources and References sections', () => {
    const text =
      `${FRONT}${EASY.repeat(8)}\n\n## ${HARD}\n\n\`\`\`\n${HARD.repeat(3)}\n\`\`\`\n\n` +
      `## References\n\n${HARD.repeat(3)}\n\n### Journals\n\n${HARD.repeat(3)}\n`;
    expect(lint(text)).toEqual([]);
  });

  describe('by language', () => {
    const es = FRONT.replace('author:', 'lang: es\nauthor:');
    // Short sentences of common words (INFLESZ well above 55) and long ones of long words (well below).
    const EASY_ES = 'Descanse un día o dos. Luego camine un poco. Beba agua cada día. No cargue peso. ';
    const HARD_ES =
      'La rehabilitación multidisciplinaria, que incorpora intervenciones fisioterapéuticas, farmacológicas y psicológicas, ' +
      'demuestra una efectividad considerablemente superior a las estrategias convencionales unimodales de tratamiento. ';

    it('scores Spanish with INFLESZ and its own target, not with the English grade', () => {
      expect(infleszOf(readingCounts(EASY_ES.repeat(8), spanishSyllables))).toBeGreaterThan(65);
      expect(lint(`${es}${EASY_ES.repeat(8)}\n`)).toEqual([]);
      const [finding, ...rest] = lint(`${es}${HARD_ES.repeat(5)}\n`);
      expect(rest).toEqual([]);
      expect(finding).toMatchObject({ messageId: 'too-hard-inflesz', line: 8, column: 1 });
      expect(finding.message).toMatch(/^INFLESZ readability -?\d+\.\d is below the target of 55/);
      // The English formula would have called the easy Spanish text hard at a strict grade; INFLESZ decides.
      expect(lint(`${es}${EASY_ES.repeat(8)}\n`, { options: { maxGrade: 0 } })).toEqual([]);
      expect(lint(`${es}${EASY_ES.repeat(8)}\n`, { options: { minInflesz: 95 } })).toMatchObject([{ messageId: 'too-hard-inflesz' }]);
      expect(lint(`${es}${EASY_ES.repeat(8)}\n`, { config: (config) => (config.readability.minInflesz = 95) })).toHaveLength(1);
    });

    it('matches a hand-computed INFLESZ score', () => {
      // 4 words, 1 sentence, 6 syllables (la, ca-sa, gran-de, hoy): 206.835 − 62.3 × 6/4 − 4
      const counts = readingCounts('La casa grande hoy.', spanishSyllables);
      expect(counts).toEqual({ words: 4, sentences: 1, syllables: 6 });
      expect(infleszOf(counts)).toBeCloseTo(206.835 - 62.3 * 1.5 - 4, 3);
    });

    it('takes the language from lang, else site.language, and leaves a language it cannot score alone', () => {
      expect(lint(`${FRONT}${HARD_ES.repeat(5)}\n`, { config: (config) => (config.site.language = 'es-MX') })).toMatchObject([{ messageId: 'too-hard-inflesz' }]);
      const fr = FRONT.replace('author:', 'lang: fr\nauthor:');
      expect(lint(`${fr}${HARD.repeat(10)}\n`)).toEqual([]);
      expect(lint(`${FRONT}${HARD.repeat(10)}\n`)).toMatchObject([{ messageId: 'too-hard' }]);
    });
  });
});

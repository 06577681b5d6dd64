import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slug } from 'github-slugger';
import { closestMatch, editDistance } from '../../src/core/closest-match.js';

/** Levenshtein distance by the textbook table, for comparison. */
function levenshtein(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i][j] = Math.min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return table[a.length][b.length];
}

describe('editDistance', () => {
  it('is the Levenshtein distance, capped at the limit', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', '/', 'é'), maxLength: 90 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 1, max: 100 }), (a, b, limit) => {
        expect(editDistance(a, b, limit)).toBe(Math.min(levenshtein(a, b), limit));
      }),
      { numRuns: 500 },
    );
  });
});

describe('closestMatch', () => {
  const candidates = ['articles/flu-shot', 'articles/back-pain', 'articles/back-pains', 'glossary/deductible'];

  it('takes the candidate that is the name once slugged', () => {
    expect(closestMatch('Glossary/Deductible', candidates)).toBe('glossary/deductible');
  });

  it('takes the nearest within a third of the name, the earliest of a tie', () => {
    expect(closestMatch('articles/flu-shoot', candidates)).toBe('articles/flu-shot');
    expect(closestMatch('articles/back-pan', candidates)).toBe('articles/back-pain');
    expect(closestMatch('ARTICLES/BACK-PAINZ', candidates)).toBe('articles/back-pain');
  });

  it('finds nothing where every candidate is too far', () => {
    expect(closestMatch('contact', candidates)).toBeUndefined();
    expect(closestMatch('anything', [])).toBeUndefined();
  });
});

describe('closestMatch against every candidate measured in full', () => {
  /** The definition: the slugged name if a candidate, else the first nearest within a third of the name. */
  function reference(name: string, candidates: string[]): string | undefined {
    if (candidates.includes(slug(name))) return slug(name);
    let best: string | undefined;
    let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
    for (const candidate of candidates) {
      const distance = levenshtein(name.toLowerCase(), candidate);
      if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
    }
    return best;
  }

  it('picks what the definition picks, whatever the lengths and letters', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-', '/', '\u0101', 'q'), maxLength: 24 });
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 30 }), (name, candidates) => {
        expect(closestMatch(name, candidates)).toBe(reference(name, candidates));
      }),
      { numRuns: 1000 },
    );
  });
});

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeScore, labelledLines, scoreRule } from './support/claim-scoring.js';

/**
 * The labelled set: articles of several types (condition, treatment, clinic news, glossary, myths
 * page, a page with citations) in which each sentence stands on its own line and ends with
 * `<!-- report -->` (an absolute claim the rule must find) or `<!-- pass -->` (a look-alike that is
 * not one). A finding on an unlabelled line counts against precision.
 */
const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/no-absolute-claims/labelled');

describe('no-absolute-claims on the labelled set', () => {
  const score = scoreRule('no-absolute-claims', DIR, labelledLines);

  it('has at least 300 labelled sentences, claims and look-alikes both', () => {
    expect(score.units).toBeGreaterThanOrEqual(300);
    expect(score.claims).toBeGreaterThanOrEqual(80);
    expect(score.units - score.claims).toBeGreaterThanOrEqual(150);
  });

  it('finds at least 90% of the claims (recall) and 90% of its findings are claims (precision)', () => {
    console.info(describeScore('no-absolute-claims', score));
    expect({ recall: score.recall, missed: score.missed }).toEqual({ recall: expect.toSatisfy((r: number) => r >= 0.9), missed: expect.anything() });
    expect({ precision: score.precision, falseAlarms: score.falseAlarms }).toEqual({ precision: expect.toSatisfy((p: number) => p >= 0.9), falseAlarms: expect.anything() });
  });
});

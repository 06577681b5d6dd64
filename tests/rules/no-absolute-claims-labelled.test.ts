import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintOne } from './support/lint-with-rule.js';

/**
 * The labelled set: articles of several types (condition, treatment, clinic news, glossary, myths
 * page, a page with citations) in which each sentence stands on its own line and ends with
 * `<!-- report -->` (an absolute claim the rule must find) or `<!-- pass -->` (a look-alike that is
 * not one). A finding on an unlabelled line counts against precision.
 */
const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/no-absolute-claims/labelled');
const LABEL = /<!-- (report|pass) -->\s*$/;

interface Tally {
  truePositives: number;
  falsePositives: string[];
  falseNegatives: string[];
  sentences: number;
  claims: number;
}

function tally(): Tally {
  const result: Tally = { truePositives: 0, falsePositives: [], falseNegatives: [], sentences: 0, claims: 0 };
  for (const name of readdirSync(DIR).filter((file) => file.endsWith('.md')).sort()) {
    const content = readFileSync(path.join(DIR, name), 'utf8');
    const lines = content.split('\n');
    const flaggedLines = new Set(lintOne('no-absolute-claims', content, { relPath: name }).map((m) => m.line));
    lines.forEach((line, i) => {
      const label = LABEL.exec(line)?.[1];
      const flagged = flaggedLines.has(i + 1);
      const where = `${name}:${i + 1}: ${line.replace(LABEL, '').trim()}`;
      if (label) result.sentences++;
      if (label === 'report') result.claims++;
      if (label === 'report' && flagged) result.truePositives++;
      else if (label === 'report') result.falseNegatives.push(where);
      else if (flagged) result.falsePositives.push(where);
    });
  }
  return result;
}

describe('no-absolute-claims on the labelled set', () => {
  const result = tally();
  const precision = result.truePositives / (result.truePositives + result.falsePositives.length);
  const recall = result.truePositives / result.claims;

  it('has at least 300 labelled sentences, claims and look-alikes both', () => {
    expect(result.sentences).toBeGreaterThanOrEqual(300);
    expect(result.claims).toBeGreaterThanOrEqual(80);
    expect(result.sentences - result.claims).toBeGreaterThanOrEqual(150);
  });

  it('finds at least 90% of the claims (recall) and 90% of its findings are claims (precision)', () => {
    console.info(`no-absolute-claims: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} on ${result.sentences} sentences (${result.claims} claims)\nmissed:\n${result.falseNegatives.join("\n")}\nfalse alarms:\n${result.falsePositives.join("\n")}`);
    expect({ recall, missed: result.falseNegatives }).toEqual({ recall: expect.toSatisfy((r: number) => r >= 0.9), missed: expect.anything() });
    expect({ precision, falseAlarms: result.falsePositives }).toEqual({ precision: expect.toSatisfy((p: number) => p >= 0.9), falseAlarms: expect.anything() });
  });
});

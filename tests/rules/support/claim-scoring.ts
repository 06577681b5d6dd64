import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lintOne } from './lint-with-rule.js';

/** A stretch of one line that is labelled a claim or not: a sentence, a list item, a heading, or a whole labelled line. */
export interface Unit {
  line: number;
  /** 1-based, inclusive. */
  startColumn: number;
  endColumn: number;
  claim: boolean;
  text: string;
}

export interface Score {
  precision: number;
  recall: number;
  /** Labelled units. */
  units: number;
  claims: number;
  /** `file:line: text` of each claim no finding fell on. */
  missed: string[];
  /** `file:line: text` of each non-claim a finding fell on, and of each finding outside every unit. */
  falseAlarms: string[];
}

/**
 * Lints each article in `dir` with only `ruleId`, places each finding in the unit holding its column
 * (in a gap between units, the next one on the line), and scores by unit: recall is the share of
 * claims with a finding, precision the share of flagged units that are claims. A line with a
 * finding outside every unit counts as one false alarm.
 */
export function scoreRule(ruleId: string, dir: string, unitsOf: (content: string) => Unit[]): Score {
  const score: Score = { precision: 0, recall: 0, units: 0, claims: 0, missed: [], falseAlarms: [] };
  let found = 0;
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.md')).sort()) {
    const content = readFileSync(path.join(dir, name), 'utf8');
    const lines = content.split('\n');
    const units = unitsOf(content);
    const flagged = new Set<Unit>();
    const outside = new Set<string>();
    for (const finding of lintOne(ruleId, content, { relPath: name })) {
      const onLine = units.filter((unit) => unit.line === finding.line);
      const unit =
        onLine.find((u) => finding.column >= u.startColumn && finding.column <= u.endColumn) ?? onLine.find((u) => finding.column < u.startColumn) ?? onLine.at(-1);
      if (unit) flagged.add(unit);
      else outside.add(`${name}:${finding.line}: ${lines[finding.line - 1]?.trim()} (not a labelled unit)`);
    }
    score.falseAlarms.push(...outside);
    for (const unit of units) {
      const where = `${name}:${unit.line}: ${unit.text}`;
      score.units++;
      if (unit.claim) score.claims++;
      if (unit.claim && flagged.has(unit)) found++;
      else if (unit.claim) score.missed.push(where);
      else if (flagged.has(unit)) score.falseAlarms.push(where);
    }
  }
  score.recall = found / score.claims;
  score.precision = found / (found + score.falseAlarms.length);
  return score;
}

/** The summary a scoring test prints, so a failure shows what was missed and what was flagged wrongly. */
export function describeScore(ruleId: string, score: Score): string {
  return (
    `${ruleId}: precision ${score.precision.toFixed(3)}, recall ${score.recall.toFixed(3)} on ${score.units} units (${score.claims} claims)\n` +
    `missed:\n${score.missed.join('\n')}\nfalse alarms:\n${score.falseAlarms.join('\n')}`
  );
}

/** Each line that ends with a label (`<!-- report -->` or `<!-- pass -->`) is one unit; `report` marks a claim. */
export function labelledLines(content: string): Unit[] {
  const label = /<!-- (report|pass) -->\s*$/;
  return content.split('\n').flatMap((line, i) => {
    const kind = label.exec(line)?.[1];
    return kind ? [{ line: i + 1, startColumn: 1, endColumn: line.length, claim: kind === 'report', text: line.replace(label, '').trim() }] : [];
  });
}

const CLAIM_MARK = '<!-- claim -->';
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|Prof|St|al)\.$/;

/**
 * Every sentence, list item and heading after the front matter is one unit; a sentence followed by
 * `<!-- claim -->` on the same line is a claim. A sentence ends at . ! or ? (and any closing quote,
 * bracket or `*`) before white space, unless the word before is an abbreviation; no sentence spans
 * lines. Pieces that are only Markdown markup are dropped.
 */
export function markedSentences(content: string): Unit[] {
  const lines = content.split('\n');
  const units: Unit[] = [];
  let i = 0;
  if (lines[0] === '---') {
    i = lines.indexOf('---', 1) + 1;
  }
  for (; i < lines.length; i++) {
    const line = lines[i];
    let start = 0;
    const push = (end: number, claim: boolean) => {
      const raw = line.slice(start, end);
      const text = raw.replace(CLAIM_MARK, '').trim().replace(/^(#+|[-*+]|\d+\.|>)\s+/, '').replace(/\*\*/g, '').trim();
      if (text) units.push({ line: i + 1, startColumn: start + raw.length - raw.trimStart().length + 1, endColumn: end, claim, text });
      start = end;
    };
    for (let j = 0; j < line.length; j++) {
      if (line.startsWith(CLAIM_MARK, j)) {
        push(j + CLAIM_MARK.length, true);
        j += CLAIM_MARK.length - 1;
        continue;
      }
      if (!'.!?'.includes(line[j])) continue;
      let k = j + 1;
      while (k < line.length && '"\')]*'.includes(line[k])) k++;
      // A mark just after the sentence belongs to it: the sentence ends with the mark.
      if (k < line.length && /\s/.test(line[k]) && !ABBREVIATION.test(line.slice(start, j + 1)) && !line.slice(k).trimStart().startsWith(CLAIM_MARK)) {
        push(k, false);
        j = k - 1;
      }
    }
    push(line.length, false);
  }
  return units;
}

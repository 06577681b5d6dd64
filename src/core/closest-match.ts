import { slug } from 'github-slugger';

/**
 * The candidate a mistyped name most likely meant: the same once slugged (`Causes` → `causes`),
 * else the nearest by edit distance when it is within a third of the name's length. Ties go to
 * the earliest candidate. Candidates whose length or letter counts alone put them out of reach are
 * passed over unmeasured, so a search of a whole site's URLs costs little more than their count.
 */
export function closestMatch(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const slugged = slug(name);
  if (candidates.includes(slugged)) return slugged;
  const wanted = name.toLowerCase();
  const wantedCounts = charCounts(wanted);
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    if (Math.abs(wanted.length - candidate.length) >= bestDistance) continue;
    if (countsApart(wantedCounts, candidate) >= bestDistance) continue;
    const distance = editDistance(wanted, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Characters counted in 64 buckets (by their low six bits): two strings' counts bound their edit distance from below. */
const BUCKETS = 64;
const scratch = new Int32Array(BUCKETS);

function charCounts(text: string): Int32Array {
  const counts = new Int32Array(BUCKETS);
  for (let i = 0; i < text.length; i++) counts[text.charCodeAt(i) & (BUCKETS - 1)]++;
  return counts;
}

/**
 * A lower bound of the edit distance between the text counted in `counts` and `other`: an edit
 * changes the counts by at most 2 (a substitution) or 1, so the distance is at least half their difference.
 */
function countsApart(counts: Int32Array, other: string): number {
  scratch.set(counts);
  for (let i = 0; i < other.length; i++) scratch[other.charCodeAt(i) & (BUCKETS - 1)]--;
  let apart = 0;
  for (let b = 0; b < BUCKETS; b++) apart += Math.abs(scratch[b]);
  return Math.ceil(apart / 2);
}

/** Two rows of the distance table, reused by every call and grown when a longer candidate comes. */
let previous = new Int32Array(64);
let current = new Int32Array(64);

/** Levenshtein distance (in UTF-16 units), giving up (returning `limit`) once it cannot come in under `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  if (previous.length <= b.length) {
    previous = new Int32Array(b.length * 2 + 1);
    current = new Int32Array(b.length * 2 + 1);
  }
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= limit) return limit;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length], limit);
}

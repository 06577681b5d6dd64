// Pure helpers of the benchmark: medians, ranges, verdicts against the quality bars, the table.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A measurement: seconds per run, summarised as median and range. */
export function summarize(seconds) {
  return { median: median(seconds), min: Math.min(...seconds), max: Math.max(...seconds), runs: seconds.length };
}

/** "7.10 s (6.92–7.41, 5 runs)"; milliseconds below a second, where cold starts live. */
export function formatTime(summary) {
  if (!summary) return 'n/a';
  const ms = summary.median < 1;
  const f = (s) => (ms ? `${(s * 1000).toFixed(0)}` : s.toFixed(2));
  return `${f(summary.median)} ${ms ? 'ms' : 's'} (${f(summary.min)}–${f(summary.max)}, ${summary.runs} runs)`;
}

/**
 * A quality bar: PASS when value <= limit. A missing peer gives no verdict rather than a
 * made-up one.
 */
export function verdict(value, limit) {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return value <= limit ? 'PASS' : 'FAIL';
}

/** Rows `{ measure, healthmd, peer, ratio, goal, verdict }` as a Markdown table. */
export function formatTable(rows) {
  const head = ['measure', 'healthmd', 'peer', 'ratio', 'goal', 'verdict'];
  const lines = [head, head.map(() => '---'), ...rows.map((r) => head.map((k) => String(r[k] ?? '')))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** "peak RSS" and "wall seconds" from GNU time's `-v` report. */
export function parseTimeVerbose(stderr) {
  const kib = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { peakMiB: kib ? Number(kib[1]) / 1024 : undefined };
}

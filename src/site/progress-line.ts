const BAR_WIDTH = 24;

/**
 * One line of a terminal progress bar: `Writing pages [#########·······]  412/1000`. Pure: the
 * command decides when to draw it (only on a terminal, only for builds long enough to need it).
 */
export function progressLine(label: string, done: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * BAR_WIDTH);
  const width = String(total).length;
  return `${label} [${'#'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)}] ${String(done).padStart(width)}/${total}`;
}

import { getHeapStatistics } from 'node:v8';
import { EXIT_USAGE, HealthmdError } from './errors.js';

/** Share of V8's heap limit past which no more articles are read: V8 dies with a native stack trace at the limit. */
const HEAP_SHARE = 0.85;

/**
 * Refuses to go on, as a clear exit 2, when the heap has no room for `needed` more bytes. V8's
 * out-of-memory is fatal and cannot be caught, so the check runs where memory grows with the
 * input: before each article is parsed and kept.
 */
export function assertHeapRoom(doing: string, file: string, needed: number): void {
  const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
  if (used + needed <= limit * HEAP_SHARE) return;
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
  throw new HealthmdError(
    `not enough memory to go on ${doing} (${mb(used)} MB of the ${mb(limit)} MB Node allows in use): ` +
      `split very large articles, or give Node more memory (NODE_OPTIONS=--max-old-space-size=${2 * mb(limit)})`,
    { exitCode: EXIT_USAGE, file },
  );
}

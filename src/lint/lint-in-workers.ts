import { availableParallelism } from 'node:os';
import type { RuleSeverity } from '../core/config.js';
import { startBundleThread } from '../core/bundle-thread.js';
import type { CalendarDate } from '../core/dates.js';
import type { ArticleFile } from '../core/discover.js';
import { HealthmdError } from '../core/errors.js';
import type { LintResult } from './engine.js';

/** What one worker is asked to do: lint files[start, end) of the whole list. */
export interface WorkerTask {
  cwd: string;
  configFile?: string;
  now: CalendarDate;
  ruleOverrides?: Record<string, RuleSeverity>;
  fix?: boolean;
  /** Record what each file's findings depend on (the lint cache). */
  dependencies?: boolean;
  files: readonly ArticleFile[];
  /** The whole project, when `files` is only part of it (paths given): project rules see all of it. */
  project?: readonly ArticleFile[];
  start: number;
  end: number;
}

/** Below this many files a second thread costs more to start than it saves. */
export const PARALLEL_THRESHOLD = 400;

/**
 * Up to this many cores, lint runs on one thread: V8's own helper threads (garbage collection,
 * optimising compiles) keep the second core of two busy already, and two lint threads did each
 * file's work at half the speed. Measured on 2 cores with 4,000 articles, alternated: one thread
 * 2.32 s median of 7 (2.8 s of CPU, 300 MB peak), two worker threads 2.53 s (4.0 s of CPU, 422 MB).
 */
const ONE_THREAD_CORES = 2;

/**
 * How many threads lint `count` files on a machine with `cores` cores: 1 for small projects and
 * small machines; HEALTHMD_WORKERS overrides (tests, tuning).
 */
export function workerCount(count: number, env: NodeJS.ProcessEnv, cores = availableParallelism()): number {
  const forced = Number(env.HEALTHMD_WORKERS);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, Math.max(count, 1));
  if (count < PARALLEL_THRESHOLD || cores <= ONE_THREAD_CORES) return 1;
  return Math.min(cores, 4);
}

/**
 * Lints a large project on several cores: each worker parses and lints one contiguous range of the
 * files and sees the others' front matter, so project rules report exactly what one thread would.
 * Results come back in file order.
 */
export async function lintInWorkers(task: Omit<WorkerTask, 'start' | 'end'>, workers: number): Promise<LintResult[]> {
  const size = Math.ceil(task.files.length / workers);
  const ranges = Array.from({ length: workers }, (_, i) => [i * size, Math.min(task.files.length, (i + 1) * size)] as const).filter(([a, b]) => a < b);
  const parts = await Promise.all(
    ranges.map(
      ([start, end]) =>
        new Promise<LintResult[]>((resolve, reject) => {
          const worker = startBundleThread<WorkerTask>('lint', { ...task, start, end });
          worker.once('message', (message: { results?: LintResult[]; error?: { message: string; exitCode?: number; file?: string; line?: number; column?: number; stack?: string } }) => {
            if (message.results) resolve(message.results);
            else if (message.error?.exitCode !== undefined) reject(new HealthmdError(message.error.message, message.error));
            else reject(Object.assign(new Error(message.error?.message ?? 'lint worker failed'), { stack: message.error?.stack }));
            void worker.terminate();
          });
          worker.once('error', (error: NodeJS.ErrnoException) => {
            // A worker's heap running out ends only that worker: say so instead of an internal error.
            if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new HealthmdError('not enough memory to lint these articles: split very large articles, or give Node more memory (NODE_OPTIONS=--max-old-space-size=…)', { cause: error }));
            else reject(error);
          });
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`lint worker stopped with exit code ${code}`));
          });
        }),
    ),
  );
  return parts.flat();
}

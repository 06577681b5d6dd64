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

/** How many threads lint `count` files: 1 for small projects; HEALTHMD_WORKERS overrides (tests, tuning). */
export function workerCount(count: number, env: NodeJS.ProcessEnv): number {
  const forced = Number(env.HEALTHMD_WORKERS);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, Math.max(count, 1));
  if (count < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4));
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

import { getHeapStatistics } from 'node:v8';
import { bundleThreadsAvailable, startBundleThread } from '../core/bundle-thread.js';
import { KEEP_WHOLE_HEAP } from '../core/article-store.js';
import { EXIT_USAGE, HealthmdError } from '../core/errors.js';
import { buildSite, type BuildOptions, type BuildProgress, type BuildResult } from './build-site.js';

/** What a build thread is given: the options that can cross threads (no callbacks). */
export interface BuildTask {
  options: Omit<BuildOptions, 'onProgress' | 'onWarning' | 'removeLater'>;
}

/** A failure as it crosses threads: a HealthmdError's fields, or an internal error's message and stack. */
export interface ThreadFailure {
  /** A HealthmdError's `describe()` (its place included), or an internal error's message. */
  message: string;
  /** Set for a HealthmdError. */
  exitCode?: number;
  stack?: string;
}

export type FromBuildThread = { progress: BuildProgress } | { warning: string } | { result: BuildResult } | { failure: ThreadFailure };

export interface BuildInThreadOptions {
  /** Heap limit of the build in megabytes (HEALTHMD_MAX_HEAP_MB); default the limit Node gives this process. */
  maxHeapMb?: number;
  onProgress?: (progress: BuildProgress) => void;
  onWarning?: (message: string) => void;
}

/**
 * Heap a build may be taken to need for each article it streams, at most: four times what a
 * 100,000-article build keeps of each (front matter, what the lists show, the cache's entry: 3.9
 * KB, measured after V8's last full collection), so that long front matter is allowed for.
 */
const HEAP_PER_ARTICLE = 16 * 2 ** 10;
/** Heap the rendering needs on top of what the site keeps (a page at a time; tag pages list the whole site). */
const RENDER_HEAP = 64 * 2 ** 20;
/** Share of Node's heap limit a build may be expected to need and still run without the thread. */
const UNGUARDED_SHARE = 0.25;

/**
 * Whether a build of `articles` can run in this thread: when what it can be expected to need (the
 * whole articles it keeps, `keptWhole` bytes, and the rest per article) is at most a quarter of
 * the heap Node allows. The thread's start costs 60-80 ms (a second copy of healthmd loads and the
 * results cross threads), a tenth of a 4,000-article rebuild; where memory is that plentiful,
 * what could still exhaust it, an enormous article, readArticle refuses with exit 2 before
 * parsing it (assertHeapRoom).
 */
export function buildFitsThisThread(articles: number, keptWhole: number, heapLimit = getHeapStatistics().heap_size_limit): boolean {
  return keptWhole + articles * HEAP_PER_ARTICLE + RENDER_HEAP <= heapLimit * UNGUARDED_SHARE;
}

/**
 * Runs a build in a worker thread whose heap is limited, so that running out of memory ends the
 * thread, not the process: V8's out-of-memory in the main thread is fatal, cannot be caught and
 * prints a native stack trace. Here it becomes an exit 2 that says what to do. A site that fits
 * the heap many times over (buildFitsThisThread, from `options.discovery`) builds in this thread
 * unless a limit is set, and so does every build where no thread can be started (the source
 * tree, in unit tests).
 */
export async function buildInThread(options: BuildTask['options'], run: BuildInThreadOptions = {}): Promise<BuildResult> {
  const keptWhole = options.keepWhole ? (options.keepWholeHeap ?? KEEP_WHOLE_HEAP) : 0;
  const small = run.maxHeapMb === undefined && options.discovery !== undefined && buildFitsThisThread(options.discovery.files.length, keptWhole);
  if (small || !bundleThreadsAvailable()) return buildSite({ ...options, onProgress: run.onProgress, onWarning: run.onWarning });
  const maxHeapMb = run.maxHeapMb ?? Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
  const worker = startBundleThread('build', { options } satisfies BuildTask, { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });
  let outcome: { result: BuildResult } | { failure: ThreadFailure } | undefined;
  let stage: BuildProgress | undefined;
  worker.on('message', (message: FromBuildThread) => {
    if ('progress' in message) {
      stage = message.progress;
      run.onProgress?.(message.progress);
    } else if ('warning' in message) run.onWarning?.(message.warning);
    else outcome = message;
  });
  const error = await new Promise<Error | undefined>((resolve) => {
    worker.once('error', resolve);
    worker.once('exit', () => resolve(undefined));
  });
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') throw outOfMemory(maxHeapMb, stage);
  if (error) throw error;
  if (!outcome) throw new Error('the build thread stopped without a result');
  if ('result' in outcome) return outcome.result;
  const { failure } = outcome;
  const rethrown = failure.exitCode === undefined ? new Error(failure.message) : new HealthmdError(failure.message, { exitCode: failure.exitCode });
  throw Object.assign(rethrown, { stack: failure.stack });
}

/** The failure as it can cross threads (structured clone keeps neither an error's class nor its fields): what the CLI shows of it. */
export function threadFailure(error: unknown): ThreadFailure {
  if (error instanceof HealthmdError) return { message: error.describe(), exitCode: error.exitCode, stack: error.stack };
  const e = error instanceof Error ? error : new Error(String(error));
  return { message: e.message, stack: e.stack };
}

function outOfMemory(maxHeapMb: number, stage: BuildProgress | undefined): HealthmdError {
  const doing = stage ? ` while ${doingAt(stage)}` : '';
  return new HealthmdError(
    `the build ran out of memory${doing}: it may use ${maxHeapMb} MB of heap. ` +
      `Give it more where the machine has it (HEALTHMD_MAX_HEAP_MB=${2 * maxHeapMb}), or split very large articles; the previous output is unchanged`,
    { exitCode: EXIT_USAGE },
  );
}

/** What the build was doing after its last progress report: a stage that reported its last item has moved on to the next. */
function doingAt({ stage, done, total }: BuildProgress): string {
  if (stage === 'read') return done < total ? `reading articles (${done} of ${total})` : `linting ${total} articles`;
  if (stage === 'lint') return 'rendering pages';
  return `writing pages (${done} of ${total})`;
}

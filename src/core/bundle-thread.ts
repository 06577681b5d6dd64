import { existsSync } from 'node:fs';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** What a worker thread started by {@link startBundleThread} does: lint a range of files, run a build, or write the build's files. */
export type ThreadRole = 'lint' | 'build' | 'write';

/** The `workerData` of a thread of the bundle: its role, and what that role needs. */
export interface BundleThreadData<T = unknown> {
  healthmdRole: ThreadRole;
  data: T;
}

// Lint and build threads run the CLI bundle itself, dist/cli.cjs (scripts/bundle.mjs): one copy of
// the code on disk serves them, and its entry (src/cli/main.ts) runs the role's module instead of
// the CLI. They start it through bin/healthmd.js, as the main thread does, so that they compile it
// from V8's code cache too. The file writer needs nothing of healthmd but its few system calls:
// it runs a bundle of its own, dist/write-worker.cjs, a few kilobytes (a thread of the whole bundle
// took 18 MB resident, this one 10 MB). In the bundle import.meta.url is dist/cli.cjs; in the
// source tree there is no bin/ beside src/.
const START: Record<ThreadRole, URL> = {
  lint: new URL('../bin/healthmd.js', import.meta.url),
  build: new URL('../bin/healthmd.js', import.meta.url),
  write: new URL('write-worker.cjs', import.meta.url),
};

/** True where threads can be started: in the bundle, not in the source tree (the unit tests). */
export function bundleThreadsAvailable(role: ThreadRole = 'build'): boolean {
  return existsSync(START[role]);
}

/** Starts a worker thread of the bundle that does `role`; its module reads `data` from `workerData.data`. */
export function startBundleThread<T>(role: ThreadRole, data: T, options: Omit<WorkerOptions, 'workerData' | 'execArgv'> = {}): Worker {
  // Source maps are enabled per thread: with --debug (bin/healthmd.js) a thread's stack traces point at src/ too.
  const execArgv = process.sourceMapsEnabled ? [...process.execArgv, '--enable-source-maps'] : undefined;
  return new Worker(START[role], { ...options, execArgv, workerData: { healthmdRole: role, data } satisfies BundleThreadData<T> });
}

/** The role a thread's `workerData` names, if it was started by {@link startBundleThread}. */
export function bundleThreadRole(workerData: unknown): ThreadRole | undefined {
  const role = (workerData as Partial<BundleThreadData> | null | undefined)?.healthmdRole;
  return role === 'lint' || role === 'build' || role === 'write' ? role : undefined;
}

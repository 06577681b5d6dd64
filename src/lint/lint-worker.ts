// A worker thread's share of a large lint: one range of the project's files (see lint-in-workers.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { BundleThreadData } from '../core/bundle-thread.js';
import { loadConfig } from '../core/config.js';
import { HealthmdError } from '../core/errors.js';
import { lintFilesInProject } from './lint-files.js';
import type { WorkerTask } from './lint-in-workers.js';

const task = (workerData as BundleThreadData<WorkerTask>).data;
try {
  const config = loadConfig(task.cwd, task.configFile);
  const results = lintFilesInProject(task.files.slice(task.start, task.end), task.project ?? task.files, { config, cwd: task.cwd, now: task.now, ruleOverrides: task.ruleOverrides, fix: task.fix, dependencies: task.dependencies });
  parentPort!.postMessage({ results });
} catch (error) {
  const e = error as Error;
  parentPort!.postMessage({
    error: error instanceof HealthmdError ? { message: e.message, exitCode: error.exitCode, file: error.file, line: error.line, column: error.column } : { message: e.message, stack: e.stack },
  });
}

// A build in a worker thread (see build-in-thread.ts): runs buildSite with the options it was
// given and reports progress, warnings and the result (or the failure) back as messages.
import { parentPort, workerData } from 'node:worker_threads';
import type { BundleThreadData } from '../core/bundle-thread.js';
import { buildSite, type BuildProgress } from './build-site.js';
import { threadFailure, type BuildTask, type FromBuildThread } from './build-in-thread.js';

/** Progress is sent at most this often (a 100,000-article build reports every article). */
const PROGRESS_INTERVAL_MS = 50;

const task = (workerData as BundleThreadData<BuildTask>).data;
const send = (message: FromBuildThread) => parentPort!.postMessage(message);
let lastSent = 0;
let lastStage: BuildProgress['stage'] | undefined;
try {
  const result = buildSite({
    ...task.options,
    onWarning: (message) => send({ warning: message }),
    onProgress: (progress) => {
      const now = performance.now();
      if (progress.stage === lastStage && progress.done < progress.total && now - lastSent < PROGRESS_INTERVAL_MS) return;
      lastStage = progress.stage;
      lastSent = now;
      send({ progress });
    },
  });
  // Only what build's report reads of a file left out: a whole article does not cross threads.
  send({ result: result.status === 'built' ? { ...result, leftOut: result.leftOut.map(({ path, problem }) => ({ path, problem })) } : result });
} catch (error) {
  send({ failure: threadFailure(error) });
}

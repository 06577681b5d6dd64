// The build's file writer, in a worker thread (see BackgroundWriter in write-site.ts): it carries
// out the operations in the order they were queued and reports progress through shared memory,
// so that the rendering thread can wait for it without an event loop turn.
import { workerData, type MessagePort } from 'node:worker_threads';
import type { BundleThreadData } from '../core/bundle-thread.js';
import { applyWriteOp, listTree, type ThreadOp } from './write-op.js';

/** Slots of the shared Int32Array: 0 is set when finished, 1 counts operations done, 2 is set on the first failure. */
export interface WriterData {
  port: MessagePort;
  shared: SharedArrayBuffer;
}

const { port, shared } = (workerData as BundleThreadData<WriterData>).data;
const state = new Int32Array(shared);
let failure: { code?: string; message: string } | undefined;

port.on('message', (ops: ThreadOp[] | 'finish') => {
  if (ops === 'finish') {
    port.postMessage(failure ?? null);
    port.close();
    Atomics.store(state, 0, 1);
    Atomics.notify(state, 0);
    return;
  }
  for (const op of ops) {
    if (failure) break;
    try {
      // A listing goes back at once, ahead of the reply to 'finish'.
      if (op[0] === 'list') port.postMessage(listTree(op[1]));
      else applyWriteOp(op);
    } catch (error) {
      failure = { code: (error as NodeJS.ErrnoException).code, message: String((error as Error).message) };
      Atomics.store(state, 2, 1);
    }
  }
  Atomics.add(state, 1, ops.length);
  Atomics.notify(state, 1);
});

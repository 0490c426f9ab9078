/**
 * Worker-thread entry of the extraction pool (pool.ts): answers { id, task } messages with
 * { id, ok: true, result } or { id, ok: false, error }. It announces { ready: true } once its
 * modules have loaded, so the pool can tell a worker that cannot start from one that crashed.
 * Built on its own into one self-contained file (out/main/extract-worker.js, see
 * electron.vite.config.ts; app.asar.unpacked when packaged); under tsx and vitest it is loaded from
 * source through extract-worker-dev.mjs.
 */
import { parentPort } from 'node:worker_threads';
import { runPageTask, serializeError, type PageTask } from './extract-task';

export interface WorkerRequest {
  id: number;
  task: PageTask;
}

const port = parentPort;
if (!port) throw new Error('extract-worker.ts must run in a worker thread');

port.on('message', ({ id, task }: WorkerRequest) => {
  try {
    port.postMessage({ id, ok: true, result: runPageTask(task) });
  } catch (error) {
    port.postMessage({ id, ok: false, error: serializeError(error) });
  }
});
port.postMessage({ ready: true });

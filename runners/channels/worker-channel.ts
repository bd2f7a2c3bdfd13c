import { Worker } from 'node:worker_threads';
import type { Value } from '../../suites/suite.js';
import type { ExecutorMessage, TaskMessage, WorkerBootstrap } from '../protocol.js';
import { transferables } from '../typed-arrays.js';
import { type Channel, ChannelState } from './channel.js';

const ENTRY = new URL('../entries/worker.js', import.meta.url);

/** A worker thread fed by postMessage; typed-array inputs are transferred, not cloned. */
export function spawnWorkerChannel(suiteUrl: string, nice: number): Channel {
  const state = new ChannelState();
  const workerData: WorkerBootstrap = { suiteUrl, nice };
  const worker = new Worker(ENTRY, { workerData });
  let nextId = 0;

  worker.on('message', (message: ExecutorMessage) => {
    if (message.type === 'ready') state.markReady();
    else if (message.type === 'result') state.succeed(message.output);
    else state.fail(new Error(message.message));
  });
  worker.on('error', (error) => state.die(error));
  worker.on('exit', (code) => state.die(new Error(`worker thread exited with code ${code}`)));

  return {
    ready: state.ready,
    run(input: Value) {
      const result = state.begin();
      const message: TaskMessage = { type: 'task', id: nextId++, input };
      if (!state.dead) worker.postMessage(message, transferables(input));
      return result;
    },
    onDeath: (handler) => state.onDeath(handler),
    async close() {
      state.closing = true;
      await worker.terminate();
    },
  };
}

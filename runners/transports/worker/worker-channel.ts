import type { Value } from '../../../suites/suite.js';
import type { ExecutorMessage, TaskMessage, WorkerBootstrap } from '../../contract/protocol.js';
import { transferables } from '../../common/typed-arrays.js';
import { type Channel, type ChannelOptions, ChannelState } from '../channel.js';
import { spawnThread } from '../thread.js';

const ENTRY = new URL('./worker-entry.js', import.meta.url);

/** A worker thread fed by postMessage; typed-array inputs are transferred, not cloned. */
export function spawnWorkerChannel({ suiteUrl, nice, thread }: ChannelOptions): Channel {
  const state = new ChannelState();
  const workerData: WorkerBootstrap = { suiteUrl, nice };
  const worker = spawnThread(ENTRY, workerData, thread);
  let nextId = 0;

  worker.onMessage((raw) => {
    const message = raw as ExecutorMessage;
    if (message.type === 'ready') state.markReady();
    else if (message.type === 'result') state.succeed(message.output);
    else state.fail(new Error(message.message));
  });
  worker.onExit((cause) => state.die(cause));

  return {
    ready: state.ready,
    run(input: Value) {
      const result = state.begin();
      const message: TaskMessage = { type: 'task', id: nextId++, input };
      if (!state.dead) worker.post(message, transferables(input));
      return result;
    },
    onDeath: (handler) => state.onDeath(handler),
    async close() {
      state.closing = true;
      await worker.terminate();
    },
  };
}

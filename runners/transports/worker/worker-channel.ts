import type { Value } from '../../../suites/suite.js';
import type { ExecutorMessage, TaskMessage, WorkerBootstrap } from '../../contract/protocol.js';
import { transferables } from '../../common/typed-arrays.js';
import { type Channel, type ChannelOptions, ChannelState } from '../channel.js';
import { spawnThread } from '../thread.js';
import { clockPong } from '../clock-sync.js';
import type { TaskTiming } from '../../common/phase-timing.js';
import { STAMP_SLOTS, StampSlot } from '../../contract/phases.js';
import { deepestReceivable } from '../../common/output-depth.js';

const ENTRY = new URL('./worker-entry.js', import.meta.url);

/**
 * A worker thread fed by postMessage. Typed arrays are transferred both ways (their buffers
 * in the transfer list: moved, not copied), or with the `clone` transport structured-cloned:
 * a copy each way. With `capacity` above one, the next tasks already wait in the worker's
 * port while it runs one, so it never idles for the cell's round trip.
 */
export function spawnWorkerChannel({ suiteUrl, nice, thread, transport, phases }: ChannelOptions, capacity = 1): Channel {
  const state = new ChannelState(capacity);
  const clone = transport === 'clone';
  // --phases: the worker leaves each task's run stamps here, at slot id % capacity, before it
  // replies (read when the reply arrives; task id + capacity is sent only after that).
  const stamps = phases ? new Float64Array(new SharedArrayBuffer(capacity * STAMP_SLOTS * Float64Array.BYTES_PER_ELEMENT)) : undefined;
  const maxOutputDepth = deepestReceivable();
  const workerData: WorkerBootstrap = {
    suiteUrl,
    nice,
    ...(maxOutputDepth === undefined ? {} : { maxOutputDepth }),
    ...(clone ? { clone } : {}),
    ...(stamps ? { stamps: stamps.buffer as SharedArrayBuffer } : {}),
  };
  const worker = spawnThread(ENTRY, workerData, thread);
  let nextId = 0;

  worker.onMessage((raw) => {
    const message = raw as ExecutorMessage;
    if (message.type === 'ready') state.markReady(message.setupMs);
    else if (message.type === 'result') {
      const at = (message.id % capacity) * STAMP_SLOTS;
      state.succeed(message.output, stamps && [stamps[at + StampSlot.RUN_START]!, stamps[at + StampSlot.RUN_END]!]);
    } else if (message.type === 'clock-ping') worker.post(clockPong());
    else state.fail(new Error(message.message));
  });
  worker.onExit((cause) => state.die(cause));

  return {
    ready: state.ready,
    capacity: state.capacity,
    run(input: Value, timing?: TaskTiming) {
      const result = state.begin(timing);
      const message: TaskMessage = { type: 'task', id: nextId++, input };
      if (!state.dead) worker.post(message, clone ? [] : transferables(input));
      return result;
    },
    onDeath: (handler) => state.onDeath(handler),
    async close() {
      state.closing = true;
      await worker.terminate();
    },
  };
}

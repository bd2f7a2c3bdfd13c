import { MessageChannel } from 'node:worker_threads';
import type { Value } from '../../../suites/suite.js';
import { decode, encode } from './binary-codec.js';
import { takeReplacement, writePayload } from './shared-buffer.js';
import {
  CONTROL_SLOTS,
  ControlSlot,
  SharedState,
  type ExecutorMessage,
  type SharedSetupMessage,
  type WorkerBootstrap,
} from '../../contract/protocol.js';
import { type Channel, type ChannelOptions, ChannelState } from '../channel.js';
import { spawnThread } from '../thread.js';
import { clockPong } from '../clock-sync.js';
import { STAMP_SLOTS, StampSlot } from '../../contract/phases.js';
import type { TaskTiming } from '../../common/phase-timing.js';

const ENTRY = new URL('./shared-entry.js', import.meta.url);
const INITIAL_DATA_BYTES = 64 * 1024;

/**
 * Waits until `control[STATE]` is no longer `value`, without blocking the cell's event loop.
 * Atomics.waitAsync wakes us on the worker's notify; where a runtime lacks it we poll
 * with a 1 ms timer (coarser, but never a busy loop on a 2-core machine).
 * A wake-up is only a hint: the worker's notify for the previous task can land after we
 * began waiting for the next one, so the state is checked again after every wake.
 */
async function waitWhile(control: Int32Array, value: number): Promise<void> {
  const atomics = Atomics as typeof Atomics & {
    waitAsync?: (array: Int32Array, index: number, value: number) => { async: boolean; value: Promise<string> | string };
  };
  while (Atomics.load(control, ControlSlot.STATE) === value) {
    if (typeof atomics.waitAsync === 'function') {
      const result = atomics.waitAsync(control, ControlSlot.STATE, value);
      if (result.async) await result.value;
    } else {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

/**
 * A worker thread whose inputs and outputs live in a SharedArrayBuffer. Hand-off and
 * completion go through Atomics on a control buffer: no payload is ever structured-cloned.
 */
export function spawnSharedChannel({ suiteUrl, nice, thread, phases }: ChannelOptions): Channel {
  const state = new ChannelState();
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
  let data = new SharedArrayBuffer(INITIAL_DATA_BYTES);
  const { port1: bufferPort, port2: workerBufferPort } = new MessageChannel();
  const workerData: WorkerBootstrap = { suiteUrl, nice };
  const worker = spawnThread(ENTRY, workerData, thread);
  // --phases: the worker leaves its run stamps here (no message to carry them), before each hand-back.
  const stamps = phases ? new Float64Array(new SharedArrayBuffer(STAMP_SLOTS * Float64Array.BYTES_PER_ELEMENT)) : undefined;
  // The buffers and the port travel in a first message: a port cannot ride in a Web Worker's workerData.
  const setup: SharedSetupMessage = {
    type: 'setup',
    control: control.buffer as SharedArrayBuffer,
    data,
    bufferPort: workerBufferPort,
    ...(stamps ? { stamps: stamps.buffer as SharedArrayBuffer } : {}),
  };
  worker.post(setup, [workerBufferPort]);

  worker.onMessage((message) => {
    const type = (message as ExecutorMessage).type;
    if (type === 'ready') state.markReady();
    else if (type === 'clock-ping') worker.post(clockPong());
  });
  worker.onExit((cause) => state.die(cause));

  async function exchange(input: Value, timing: TaskTiming | undefined): Promise<Value> {
    data = writePayload(encode(input), data, control, bufferPort);
    Atomics.store(control, ControlSlot.STATE, SharedState.TASK);
    // The worker sleeps in Atomics.wait on STATE; this wakes it without a message.
    Atomics.notify(control, ControlSlot.STATE);
    await waitWhile(control, SharedState.TASK);
    if (state.dead) throw state.dead;
    // Closed mid-task: the buffer still holds the input, which must not pass for an output.
    if (Atomics.load(control, ControlSlot.STATE) === SharedState.SHUTDOWN)
      throw new Error('the shared-memory worker was closed before the task finished');
    // The STATE change read above orders the worker's stamp writes before this read.
    if (timing && stamps) timing.ran([stamps[StampSlot.RUN_START]!, stamps[StampSlot.RUN_END]!]);
    data = takeReplacement(data, control, bufferPort);
    const outcome = Atomics.load(control, ControlSlot.STATE);
    const payload = decode(new Uint8Array(data, 0, Atomics.load(control, ControlSlot.PAYLOAD_BYTES)));
    Atomics.store(control, ControlSlot.STATE, SharedState.IDLE);
    if (outcome === SharedState.FAILED) throw new Error(String(payload));
    return payload;
  }

  return {
    ready: state.ready,
    run(input: Value, timing?: TaskTiming) {
      const result = state.begin();
      if (!state.dead)
        exchange(input, timing).then(
          (output) => state.succeed(output),
          (error: Error) => state.fail(error),
        );
      return result;
    },
    onDeath: (handler) => state.onDeath(handler),
    async close() {
      state.closing = true;
      Atomics.store(control, ControlSlot.STATE, SharedState.SHUTDOWN);
      Atomics.notify(control, ControlSlot.STATE);
      bufferPort.close();
      await worker.terminate();
    },
  };
}

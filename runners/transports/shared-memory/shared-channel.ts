import { MessageChannel } from 'node:worker_threads';
import type { Value } from '../../../suites/suite.js';
import { decode, encode } from './binary-codec.js';
import { takeReplacement, writePayload } from './shared-buffer.js';
import { ringControlBytes, slotFields } from './ring.js';
import type { Doorbell } from './doorbell.js';
import {
  RingSlot,
  SlotField,
  SlotOutcome,
  type ExecutorMessage,
  type SharedSetupMessage,
  type WorkerBootstrap,
} from '../../contract/protocol.js';
import { type Channel, type ChannelOptions, ChannelState } from '../channel.js';
import { spawnThread } from '../thread.js';
import { clockPong } from '../clock-sync.js';
import { type RunStamps, STAMP_SLOTS, StampSlot } from '../../contract/phases.js';
import type { TaskTiming } from '../../common/phase-timing.js';
import { deepestReceivable } from '../../common/output-depth.js';

const ENTRY = new URL('./shared-entry.js', import.meta.url);
const INITIAL_SLOT_BYTES = 64 * 1024;

/**
 * A worker thread whose inputs and outputs live in a SharedArrayBuffer ring of `depth` task
 * slots: no payload is ever structured-cloned, and no message is sent per task. The cell
 * writes a task into the next free slot and moves SUBMITTED; the worker runs slots in order
 * until it catches up, moving COMPLETED and ringing the pool's doorbell after each. Either
 * side is woken (Atomics.notify) only when it said it sleeps, so while tasks keep coming
 * neither pays a wake per task: the worker drains the ring in one go and the cell collects
 * every answer that landed, from every worker, in one event-loop turn (doorbell.ts).
 */
export function spawnSharedChannel({ suiteUrl, nice, thread, phases }: ChannelOptions, depth: number, doorbell: Doorbell): Channel {
  const state = new ChannelState(depth);
  const control = new Int32Array(new SharedArrayBuffer(ringControlBytes(depth)));
  const fields = Array.from({ length: depth }, (_, slot) => slotFields(control.buffer as SharedArrayBuffer, slot));
  const data = Array.from({ length: depth }, () => new SharedArrayBuffer(INITIAL_SLOT_BYTES));
  const { port1: bufferPort, port2: workerBufferPort } = new MessageChannel();
  const { line, leave } = doorbell.join(takeAnswers);
  const maxOutputDepth = deepestReceivable();
  const workerData: WorkerBootstrap = { suiteUrl, nice, ...(maxOutputDepth === undefined ? {} : { maxOutputDepth }) };
  const worker = spawnThread(ENTRY, workerData, thread);
  // --phases: the worker leaves each slot's run stamps here (no message to carry them), before handing it back.
  const stamps = phases ? new Float64Array(new SharedArrayBuffer(depth * STAMP_SLOTS * Float64Array.BYTES_PER_ELEMENT)) : undefined;
  // The buffers and the port travel in a first message: a port cannot ride in a Web Worker's workerData.
  const setup: SharedSetupMessage = {
    type: 'setup',
    control: control.buffer as SharedArrayBuffer,
    data: [...data],
    bufferPort: workerBufferPort,
    doorbell: doorbell.buffer,
    doorbellLine: line,
    ...(stamps ? { stamps: stamps.buffer as SharedArrayBuffer } : {}),
  };
  worker.post(setup, [workerBufferPort, line]);

  worker.onMessage((message) => {
    const news = message as ExecutorMessage;
    if (news.type === 'ready') state.markReady(news.setupMs);
    else if (news.type === 'clock-ping') worker.post(clockPong());
  });
  worker.onExit((cause) => {
    // Answers that landed before the worker died are its tasks' own: only the rest fail.
    takeAnswers();
    state.die(cause);
  });

  let submitted = 0;
  let writeSlot = 0;
  let answered = 0;
  let readSlot = 0;

  /** Hands every answer that landed to its task, oldest first; returns the tasks still held. */
  function takeAnswers(): number {
    const completed = Atomics.load(control, RingSlot.COMPLETED);
    while (answered !== completed && !state.dead) {
      const slot = readSlot;
      readSlot = (readSlot + 1) % depth;
      answered = (answered + 1) | 0;
      // COMPLETED, read before this, orders the worker's writes to the slot before these reads.
      const at = slot * STAMP_SLOTS;
      const run: RunStamps | undefined = stamps && [stamps[at + StampSlot.RUN_START]!, stamps[at + StampSlot.RUN_END]!];
      let payload: Value;
      try {
        data[slot] = takeReplacement(data[slot]!, fields[slot]!, bufferPort);
        payload = decode(new Uint8Array(data[slot]!, 0, Atomics.load(fields[slot]!, SlotField.PAYLOAD_BYTES)));
      } catch (error) {
        state.fail(error as Error);
        continue;
      }
      if (Atomics.load(fields[slot]!, SlotField.OUTCOME) === SlotOutcome.FAILED) state.fail(new Error(String(payload)));
      else state.succeed(payload, run);
    }
    return state.inFlight;
  }

  return {
    ready: state.ready,
    capacity: depth,
    run(input: Value, timing?: TaskTiming) {
      // Dead or full: begin() rejects with the reason.
      if (state.dead || state.inFlight >= depth) return state.begin(timing);
      const slot = writeSlot;
      try {
        data[slot] = writePayload(encode(input), data[slot]!, fields[slot]!, bufferPort);
      } catch (error) {
        return Promise.reject(error as Error);
      }
      writeSlot = (writeSlot + 1) % depth;
      const result = state.begin(timing);
      submitted = (submitted + 1) | 0;
      Atomics.store(control, RingSlot.SUBMITTED, submitted);
      // The worker raises its flag before it re-reads SUBMITTED and sleeps, so a wake is never
      // lost; lowering it here means one notify per sleep, not one per task submitted meanwhile.
      if (Atomics.compareExchange(control, RingSlot.WORKER_SLEEPING, 1, 0) === 1) Atomics.notify(control, RingSlot.SUBMITTED);
      doorbell.expectAnswers();
      return result;
    },
    onDeath: (handler) => state.onDeath(handler),
    async close() {
      state.closing = true;
      // Tasks still held fail: a slot may still hold an input, which must not pass for an output.
      state.die(new Error('the shared-memory worker was closed before the task finished'));
      Atomics.store(control, RingSlot.SHUTDOWN, 1);
      Atomics.notify(control, RingSlot.SUBMITTED);
      leave();
      bufferPort.close();
      await worker.terminate();
    },
  };
}

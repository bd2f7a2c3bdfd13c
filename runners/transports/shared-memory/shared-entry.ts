/** Worker-thread entry for shared-memory: tasks in a SharedArrayBuffer ring, hand-off by Atomics counters. */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { decode, encode } from './binary-codec.js';
import { takeReplacement, writePayload } from './shared-buffer.js';
import { slotFields } from './ring.js';
import { ring } from './doorbell.js';
import { copyValue } from '../../common/typed-arrays.js';
import { childrenOf, isContainer, valueKind } from '../../common/value-kind.js';
import {
  RingSlot,
  SlotField,
  SlotOutcome,
  type ExecutorMessage,
  type SharedSetupMessage,
  type WorkerBootstrap,
} from '../../contract/protocol.js';
import { errorMessage } from '../../common/error-message.js';
import { importSuite, lowerPriority } from '../entry-support.js';
import { runTask } from '../../common/run-task.js';
import { setUpSuite } from '../../common/suite-setup.js';
import type { TypedArray, Value } from '../../../suites/suite.js';
import { STAMP_SLOTS, StampSlot } from '../../contract/phases.js';
import { syncOverMessages } from '../clock-sync.js';

const { suiteUrl, nice, maxOutputDepth } = workerData as WorkerBootstrap;
lowerPriority(nice);
const [setup] = (await once(parentPort!, 'message')) as [SharedSetupMessage];
const { bufferPort, data } = setup;
const depth = data.length;
const control = new Int32Array(setup.control);
const doorbell = new Int32Array(setup.doorbell);
const fields = Array.from({ length: depth }, (_, slot) => slotFields(setup.control, slot));
const suite = await importSuite(suiteUrl);
// Before the clock sync and `ready`: the suite's setup is part of this worker's start-up, in no task's time.
const setupMs = await setUpSuite(suite, 'a worker thread');
// --phases: synced over messages before the Atomics loop below stops this thread's event loop for good.
const stamps = setup.stamps ? new Float64Array(setup.stamps) : undefined;
const clock = stamps
  ? await syncOverMessages(
      (answer) => parentPort!.once('message', answer),
      (ping) => parentPort!.postMessage(ping),
    )
  : undefined;
parentPort!.postMessage({ type: 'ready', ...(setupMs === undefined ? {} : { setupMs }) } satisfies ExecutorMessage);

function sharesBuffer(value: Value, buffer: SharedArrayBuffer): boolean {
  const kind = valueKind(value);
  if (kind === 'typed-array') return (value as TypedArray).buffer === buffer;
  if (!isContainer(kind)) return false;
  for (const [, item] of childrenOf(value, kind)) if (sharesBuffer(item, buffer)) return true;
  return false;
}

function runSlot(slot: number): void {
  const slotData = takeReplacement(data[slot]!, fields[slot]!, bufferPort);
  data[slot] = slotData;
  let outcome: number = SlotOutcome.DONE;
  let output: Value;
  let input: Value | undefined;
  try {
    input = decode(new Uint8Array(slotData, 0, Atomics.load(fields[slot]!, SlotField.PAYLOAD_BYTES)), { views: true });
  } catch (error) {
    output = `the input could not be decoded in the shared-memory worker: ${errorMessage(error, { withName: true })}`;
  }
  const at = slot * STAMP_SLOTS;
  if (clock) stamps![at + StampSlot.RUN_START] = clock();
  const ran = input === undefined ? undefined : runTask(suite, input, maxOutputDepth);
  if (clock) stamps![at + StampSlot.RUN_END] = clock();
  if (ran?.ok) {
    // An output that is (or shares memory with) the input view would be overwritten while encoded.
    output = sharesBuffer(ran.output, slotData) ? copyValue(ran.output) : ran.output;
  } else {
    outcome = SlotOutcome.FAILED;
    output = ran?.message ?? output!;
  }
  data[slot] = writePayload(encode(output), slotData, fields[slot]!, bufferPort);
  Atomics.store(fields[slot]!, SlotField.OUTCOME, outcome);
}

// Runs every slot the cell has submitted, in order, then sleeps in Atomics.wait until it
// submits more: waking costs one futex, with no message queue or event-loop turn in between
// (piscina's worker does the same), and a ring the cell keeps topped up never sleeps at all.
let completed = 0;
let slot = 0;
while (Atomics.load(control, RingSlot.SHUTDOWN) !== 1) {
  if (Atomics.load(control, RingSlot.SUBMITTED) === completed) {
    Atomics.store(control, RingSlot.WORKER_SLEEPING, 1);
    // Checked again after raising the flag: a task submitted in between was not notified.
    if (Atomics.load(control, RingSlot.SUBMITTED) === completed && Atomics.load(control, RingSlot.SHUTDOWN) !== 1)
      Atomics.wait(control, RingSlot.SUBMITTED, completed);
    Atomics.store(control, RingSlot.WORKER_SLEEPING, 0);
    continue;
  }
  runSlot(slot);
  slot = (slot + 1) % depth;
  completed = (completed + 1) | 0;
  Atomics.store(control, RingSlot.COMPLETED, completed);
  ring(doorbell, setup.doorbellLine);
}
bufferPort.close();
setup.doorbellLine.close();

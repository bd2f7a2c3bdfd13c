/** Worker-thread entry for shared-memory: payloads in a SharedArrayBuffer, hand-off by Atomics. */
import { once } from 'node:events';
import { parentPort, workerData } from 'node:worker_threads';
import { decode, encode } from './binary-codec.js';
import { takeReplacement, writePayload } from './shared-buffer.js';
import { copyValue, isTypedArray } from '../../common/typed-arrays.js';
import { ControlSlot, SharedState, type ExecutorMessage, type SharedSetupMessage, type WorkerBootstrap } from '../../contract/protocol.js';
import { errorMessage } from '../../common/error-message.js';
import { importSuite, lowerPriority } from '../entry-support.js';
import { runTask } from '../../common/run-task.js';
import type { Value } from '../../../suites/suite.js';
import { StampSlot } from '../../contract/phases.js';
import { syncOverMessages } from '../clock-sync.js';

const { suiteUrl, nice } = workerData as WorkerBootstrap;
lowerPriority(nice);
const [setup] = (await once(parentPort!, 'message')) as [SharedSetupMessage];
const { control: controlBuffer, bufferPort } = setup;
let data = setup.data;
const control = new Int32Array(controlBuffer);
const suite = await importSuite(suiteUrl);
// --phases: synced over messages before the Atomics loop below stops this thread's event loop for good.
const stamps = setup.stamps ? new Float64Array(setup.stamps) : undefined;
const clock = stamps
  ? await syncOverMessages(
      (answer) => parentPort!.once('message', answer),
      (ping) => parentPort!.postMessage(ping),
    )
  : undefined;
parentPort!.postMessage({ type: 'ready' } satisfies ExecutorMessage);

function sharesBuffer(value: Value, buffer: SharedArrayBuffer): boolean {
  if (isTypedArray(value)) return value.buffer === buffer;
  return typeof value === 'object' && Object.values(value).some((item) => sharesBuffer(item, buffer));
}

function runOne(): void {
  data = takeReplacement(data, control, bufferPort);
  let outcome: number = SharedState.DONE;
  let output: Value;
  let input: Value | undefined;
  try {
    input = decode(new Uint8Array(data, 0, Atomics.load(control, ControlSlot.PAYLOAD_BYTES)), { views: true });
  } catch (error) {
    output = `the input could not be decoded in the shared-memory worker: ${errorMessage(error, { withName: true })}`;
  }
  if (clock) stamps![StampSlot.RUN_START] = clock();
  const ran = input === undefined ? undefined : runTask(suite, input);
  if (clock) stamps![StampSlot.RUN_END] = clock();
  if (ran?.ok) {
    // An output that is (or shares memory with) the input view would be overwritten while encoded.
    output = sharesBuffer(ran.output, data) ? copyValue(ran.output) : ran.output;
  } else {
    outcome = SharedState.FAILED;
    output = ran?.message ?? output!;
  }
  data = writePayload(encode(output), data, control, bufferPort);
  Atomics.store(control, ControlSlot.STATE, outcome);
  Atomics.notify(control, ControlSlot.STATE);
}

// Atomics.wait blocks this thread until the cell changes STATE and notifies: waking
// costs one futex, with no message queue or event-loop turn in between (piscina does
// the same to avoid the C++→JS crossing of a message per task).
for (;;) {
  const current = Atomics.load(control, ControlSlot.STATE);
  if (current === SharedState.SHUTDOWN) break;
  if (current === SharedState.TASK) runOne();
  else Atomics.wait(control, ControlSlot.STATE, current);
}
bufferPort.close();

/** Worker-thread entry for shared-memory: payloads in a SharedArrayBuffer, hand-off by Atomics. */
import { once } from 'node:events';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { decode, encode, writeInto } from './binary-codec.js';
import { copyValue, isTypedArray } from '../../common/typed-arrays.js';
import { ControlSlot, SharedState, type ExecutorMessage, type SharedSetupMessage, type WorkerBootstrap } from '../../contract/protocol.js';
import { errorMessage, importSuite, lowerPriority } from '../entry-support.js';
import type { Value } from '../../../suites/suite.js';

const { suiteUrl, nice } = workerData as WorkerBootstrap;
lowerPriority(nice);
const [setup] = (await once(parentPort!, 'message')) as [SharedSetupMessage];
const { control: controlBuffer, bufferPort } = setup;
let data = setup.data;
const control = new Int32Array(controlBuffer);
const suite = await importSuite(suiteUrl);
parentPort!.postMessage({ type: 'ready' } satisfies ExecutorMessage);

function takeReplacementBuffer(): void {
  if (Atomics.load(control, ControlSlot.BUFFER_REPLACED) !== 1) return;
  const replacement = receiveMessageOnPort(bufferPort);
  if (replacement) data = replacement.message as SharedArrayBuffer;
  Atomics.store(control, ControlSlot.BUFFER_REPLACED, 0);
}

function sharesBuffer(value: Value, buffer: SharedArrayBuffer): boolean {
  if (isTypedArray(value)) return value.buffer === buffer;
  return typeof value === 'object' && Object.values(value).some((item) => sharesBuffer(item, buffer));
}

function runOne(): void {
  takeReplacementBuffer();
  let outcome: number = SharedState.DONE;
  let output: Value;
  try {
    output = suite.run(decode(new Uint8Array(data, 0, Atomics.load(control, ControlSlot.PAYLOAD_BYTES)), { views: true }));
    // An output that is (or shares memory with) the input view would be overwritten while encoded.
    if (sharesBuffer(output, data)) output = copyValue(output);
  } catch (error) {
    outcome = SharedState.FAILED;
    output = errorMessage(error);
  }
  const encoded = encode(output);
  if (encoded.byteLength > data.byteLength) {
    data = new SharedArrayBuffer(Math.max(encoded.byteLength, data.byteLength * 2));
    // Posted before STATE changes, so the cell finds it with receiveMessageOnPort.
    bufferPort.postMessage(data);
    Atomics.store(control, ControlSlot.BUFFER_REPLACED, 1);
  }
  writeInto(encoded, new Uint8Array(data));
  Atomics.store(control, ControlSlot.PAYLOAD_BYTES, encoded.byteLength);
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

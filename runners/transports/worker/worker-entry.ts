/** Worker-thread entry for worker-per-task and worker-pool: one task per message. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExecutorMessage, TaskMessage, WorkerBootstrap } from '../../contract/protocol.js';
import { transferables } from '../../common/typed-arrays.js';
import { errorMessage } from '../../common/error-message.js';
import { importSuite, lowerPriority } from '../entry-support.js';
import { runTask } from '../../common/run-task.js';
import { setUpSuite } from '../../common/suite-setup.js';
import { syncOverMessages } from '../clock-sync.js';
import { STAMP_SLOTS, StampSlot } from '../../contract/phases.js';

const port = parentPort!;
const { suiteUrl, nice, clone = false, stamps: stampBuffer, maxOutputDepth } = workerData as WorkerBootstrap;
const stamps = stampBuffer === undefined ? undefined : new Float64Array(stampBuffer);
lowerPriority(nice);
const suite = await importSuite(suiteUrl);
// Before the clock sync and `ready`: the suite's setup is part of this worker's start-up, in no task's time.
const setupMs = await setUpSuite(suite, 'a worker thread');
// --phases: synced before the task handler listens, so no pong is taken for a task; else no clock at all.
const clock = stamps
  ? await syncOverMessages(
      (answer) => port.once('message', answer),
      (ping) => port.postMessage(ping),
    )
  : undefined;

// --phases: one stamp pair per task the channel may hold (see worker-channel.ts).
const stampSlots = stamps === undefined ? 0 : stamps.length / STAMP_SLOTS;

port.on('message', (message: TaskMessage) => {
  const at = clock ? (message.id % stampSlots) * STAMP_SLOTS : 0;
  if (clock) stamps![at + StampSlot.RUN_START] = clock();
  const outcome = runTask(suite, message.input, maxOutputDepth);
  if (clock) stamps![at + StampSlot.RUN_END] = clock();
  const reply: ExecutorMessage = outcome.ok
    ? { type: 'result', id: message.id, output: outcome.output }
    : { type: 'failure', id: message.id, message: outcome.message };
  try {
    port.postMessage(reply, reply.type === 'result' && !clone ? transferables(reply.output) : []);
  } catch (error) {
    // An output structured clone cannot carry fails its task, not the worker.
    port.postMessage({
      type: 'failure',
      id: message.id,
      message: `the output cannot be sent to the main thread: ${errorMessage(error, { withName: true })}`,
    } satisfies ExecutorMessage);
  }
});
port.postMessage({ type: 'ready', ...(setupMs === undefined ? {} : { setupMs }) } satisfies ExecutorMessage);

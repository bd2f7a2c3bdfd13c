/** Worker-thread entry for worker-per-task and worker-pool: one task per message. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExecutorMessage, TaskMessage, WorkerBootstrap } from '../../contract/protocol.js';
import { transferables } from '../../common/typed-arrays.js';
import { errorMessage } from '../../common/error-message.js';
import { importSuite, lowerPriority } from '../entry-support.js';
import { runTask } from '../../common/run-task.js';

const port = parentPort!;
const { suiteUrl, nice } = workerData as WorkerBootstrap;
lowerPriority(nice);
const suite = await importSuite(suiteUrl);

port.on('message', (message: TaskMessage) => {
  const outcome = runTask(suite, message.input);
  const reply: ExecutorMessage = outcome.ok
    ? { type: 'result', id: message.id, output: outcome.output }
    : { type: 'failure', id: message.id, message: outcome.message };
  try {
    port.postMessage(reply, reply.type === 'result' ? transferables(reply.output) : []);
  } catch (error) {
    // An output structured clone cannot carry fails its task, not the worker.
    port.postMessage({
      type: 'failure',
      id: message.id,
      message: `the output cannot be sent to the main thread: ${errorMessage(error, { withName: true })}`,
    } satisfies ExecutorMessage);
  }
});
port.postMessage({ type: 'ready' } satisfies ExecutorMessage);

/** Worker-thread entry for worker-per-task and worker-pool: one task per message. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExecutorMessage, TaskMessage, WorkerBootstrap } from '../../contract/protocol.js';
import { transferables } from '../../common/typed-arrays.js';
import { errorMessage, importSuite, lowerPriority } from '../entry-support.js';

const port = parentPort!;
const { suiteUrl, nice } = workerData as WorkerBootstrap;
lowerPriority(nice);
const suite = await importSuite(suiteUrl);

port.on('message', (message: TaskMessage) => {
  let reply: ExecutorMessage;
  try {
    const output = suite.run(message.input);
    reply = { type: 'result', id: message.id, output };
  } catch (error) {
    reply = { type: 'failure', id: message.id, message: errorMessage(error) };
  }
  try {
    port.postMessage(reply, reply.type === 'result' ? transferables(reply.output) : []);
  } catch (error) {
    // An output structured clone cannot carry fails its task, not the worker.
    port.postMessage({ type: 'failure', id: message.id, message: `the output cannot be sent to the main thread: ${errorMessage(error)}` } satisfies ExecutorMessage);
  }
});
port.postMessage({ type: 'ready' } satisfies ExecutorMessage);

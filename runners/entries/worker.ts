/** Worker-thread entry for worker-per-task and worker-pool: one task per message. */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExecutorMessage, TaskMessage, WorkerBootstrap } from '../protocol.js';
import { transferables } from '../typed-arrays.js';
import { errorMessage, importSuite, lowerPriority } from './entry-support.js';

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
  port.postMessage(reply, reply.type === 'result' ? transferables(reply.output) : []);
});
port.postMessage({ type: 'ready' } satisfies ExecutorMessage);

/** Child-process entry for process-per-task and process-pool: JSON (or V8's serializer) over the IPC channel. */
import type { Value } from '../../../suites/suite.js';
import { wireCodec } from './wire-codec.js';
import type { ExecutorMessage, TaskMessage, WireTaskMessage } from '../../contract/protocol.js';
import { errorMessage } from '../../common/error-message.js';
import { importSuite, lowerPriority } from '../entry-support.js';
import { runTask } from '../../common/run-task.js';
import { setUpSuite } from '../../common/suite-setup.js';
import { syncOverMessages } from '../clock-sync.js';

// The serialization fork was started with (wire-codec.ts): the parent passes it along.
// The fourth, `phases` (--phases): sync the clock at start-up and stamp every run. The fifth:
// the deepest output the cell's main thread can receive (output-depth.ts); empty: no limit.
const [suiteUrl, nice = '0', serialization = 'json', timing, depthArgument = ''] = process.argv.slice(2);
const maxOutputDepth = depthArgument === '' ? undefined : Number(depthArgument);
const codec = wireCodec(serialization);
if (!suiteUrl || !process.send) {
  console.error('child entry: expected a suite URL argument and an IPC channel (start it with fork)');
  process.exit(2);
}
// A failed send means the parent closed the channel (pool closing, or gone): nothing to do but leave.
const send = (message: ExecutorMessage<unknown>): void => {
  if (!process.connected) process.exit(0);
  process.send!(message, (error: Error | null) => {
    if (error) process.exit(0);
  });
};
lowerPriority(Number(nice));
const suite = await importSuite(suiteUrl, 'a child process');
// Before the clock sync and `ready`: the suite's setup is part of this child's start-up, in no task's time.
const setupMs = await setUpSuite(suite, 'a child process');
// Synced before the task handler listens, so no pong is taken for a task.
const clock = timing === 'phases' ? await syncOverMessages((answer) => process.once('message', answer), send) : undefined;

process.on('message', (raw) => {
  const message = raw as WireTaskMessage | TaskMessage;
  let input: Value;
  try {
    input = codec.decode(message.input);
  } catch (error) {
    send({
      type: 'failure',
      id: message.id,
      message: `the input could not be decoded in the child process: ${errorMessage(error, { withName: true })}`,
    });
    return;
  }
  const startAt = clock?.();
  const outcome = runTask(suite, input, maxOutputDepth);
  const endAt = clock?.();
  const reply: ExecutorMessage<unknown> = outcome.ok
    ? { type: 'result', id: message.id, output: codec.encode(outcome.output) }
    : { type: 'failure', id: message.id, message: outcome.message };
  if (clock !== undefined && reply.type === 'result') reply.run = [startAt!, endAt!];
  send(reply);
});
// The parent closing IPC (close, or its own death) is this child's signal to go.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', ...(setupMs === undefined ? {} : { setupMs }) });

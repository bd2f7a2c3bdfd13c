/** Child-process entry for process-per-task and process-pool: JSON over the IPC channel. */
import type { Value } from '../../../suites/suite.js';
import type { WireValue } from '../../contract/protocol.js';
import { fromWire, toWire } from './json-codec.js';
import type { ExecutorMessage, WireTaskMessage } from '../../contract/protocol.js';
import { errorMessage } from '../../common/error-message.js';
import { importSuite, lowerPriority } from '../entry-support.js';
import { runTask } from '../../common/run-task.js';

const [suiteUrl, nice = '0'] = process.argv.slice(2);
if (!suiteUrl || !process.send) {
  console.error('child entry: expected a suite URL argument and an IPC channel (start it with fork)');
  process.exit(2);
}
// A failed send means the parent closed the channel (pool closing, or gone): nothing to do but leave.
const send = (message: ExecutorMessage<WireValue>): void => {
  if (!process.connected) process.exit(0);
  process.send!(message, (error: Error | null) => {
    if (error) process.exit(0);
  });
};
lowerPriority(Number(nice));
const suite = await importSuite(suiteUrl, 'a child process');

process.on('message', (raw) => {
  const message = raw as WireTaskMessage;
  let input: Value;
  try {
    input = fromWire(message.input);
  } catch (error) {
    send({
      type: 'failure',
      id: message.id,
      message: `the input could not be decoded in the child process: ${errorMessage(error, { withName: true })}`,
    });
    return;
  }
  const outcome = runTask(suite, input);
  send(
    outcome.ok
      ? { type: 'result', id: message.id, output: toWire(outcome.output) }
      : { type: 'failure', id: message.id, message: outcome.message },
  );
});
// The parent closing IPC (close, or its own death) is this child's signal to go.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });

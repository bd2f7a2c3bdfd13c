/** Child-process entry for process-per-task and process-pool: JSON over the IPC channel. */
import type { Value } from '../../../suites/suite.js';
import { fromWire, toWire, type WireValue } from './json-codec.js';
import type { ExecutorMessage, WireTaskMessage } from '../../contract/protocol.js';
import { errorMessage, importSuite, lowerPriority } from '../entry-support.js';

const [suiteUrl, nice = '0'] = process.argv.slice(2);
if (!suiteUrl || !process.send) {
  console.error('child entry: expected a suite URL argument and an IPC channel (start it with fork)');
  process.exit(2);
}
// A failed send means the parent closed the channel (pool closing, or gone): nothing to do but leave.
const send = (message: ExecutorMessage<WireValue>): void => {
  if (!process.connected) process.exit(0);
  process.send!(message, (error: Error | null) => { if (error) process.exit(0); });
};
lowerPriority(Number(nice));
const suite = await importSuite(suiteUrl);

process.on('message', (raw) => {
  const message = raw as WireTaskMessage;
  try {
    const output: Value = suite.run(fromWire(message.input));
    send({ type: 'result', id: message.id, output: toWire(output) });
  } catch (error) {
    send({ type: 'failure', id: message.id, message: errorMessage(error) });
  }
});
// The parent closing IPC (close, or its own death) is this child's signal to go.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });

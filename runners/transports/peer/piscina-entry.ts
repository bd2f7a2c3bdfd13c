/** The file piscina's workers load: the suite's run as the default export, typed-array outputs moved, not cloned. */
import { workerData } from 'node:worker_threads';
import { move } from 'piscina';
import type { Value } from '../../../suites/suite.js';
import type { PeerBootstrap } from './peer-protocol.js';
import { startPeerWorker } from './peer-entry-support.js';
import { movable } from './peer-task.js';

const run = await startPeerWorker(workerData as PeerBootstrap);

export default function task(input: Value): unknown {
  const output = run(input);
  // move(): piscina's way to put a result's buffer in the transfer list, as worker-pool does.
  return movable(output) ? move(output) : output;
}

/** The file tinypool's workers load: the suite's run as the default export, typed-array outputs moved, not cloned. */
import Tinypool from 'tinypool';
import type { Value } from '../../../suites/suite.js';
import type { PeerBootstrap } from './peer-protocol.js';
import { startPeerWorker } from './peer-entry-support.js';
import { movable } from './peer-task.js';

// tinypool wraps node's workerData as [its own, ours]; Tinypool.workerData is ours.
const run = await startPeerWorker(Tinypool.workerData as PeerBootstrap);

export default function task(input: Value): unknown {
  const output = run(input);
  return movable(output) ? Tinypool.move(output) : output;
}

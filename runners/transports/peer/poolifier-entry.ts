/**
 * The file poolifier's FixedThreadPool loads: a ThreadWorker around the suite's run.
 * poolifier posts a task's result without a transfer list, so outputs are cloned.
 */
import { workerData } from 'node:worker_threads';
import { ThreadWorker } from 'poolifier';
import type { Value } from '../../../suites/suite.js';
import type { PeerBootstrap } from './peer-protocol.js';
import { startPeerWorker } from './peer-entry-support.js';

// --phases: its worker must be built without the clock sync's delay (peer-entry-support.ts).
const run = await startPeerWorker(workerData as PeerBootstrap, 'alongside');

export default new ThreadWorker<Value, Value>((input) => run(input!));

import { fileURLToPath } from 'node:url';
import { FixedThreadPool } from 'poolifier';
import type { Value } from '../../../suites/suite.js';
import type { PeerPoolFactory } from './peer-executor.js';

const ENTRY = fileURLToPath(new URL('../../transports/peer/poolifier-entry.js', import.meta.url));

/**
 * poolifier's FixedThreadPool, its defaults: no pool-side queue, so every task goes straight
 * to the least-used worker. --in-flight-per-worker turns on its per-worker task queue with
 * that `concurrency`, the knob its users tune.
 */
export const poolifierPool: PeerPoolFactory = ({ workers, inFlightPerWorker, bootstrap, onError }) => {
  const pool = new FixedThreadPool<Value, Value>(workers, ENTRY, {
    workerOptions: { workerData: bootstrap },
    ...(inFlightPerWorker === undefined ? {} : { enableTasksQueue: true, tasksQueueOptions: { concurrency: inFlightPerWorker } }),
  });
  // Its events (on by default) come through an emitter of their own.
  pool.emitter?.on('error', onError);
  return {
    run: (input, transfer) => pool.execute(input, undefined, undefined, transfer),
    destroy: () => pool.destroy(),
  };
};

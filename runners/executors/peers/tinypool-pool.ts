import Tinypool from 'tinypool';
import type { Value } from '../../../suites/suite.js';
import type { PeerPoolFactory } from './peer-executor.js';

const ENTRY = new URL('../../transports/peer/tinypool-entry.js', import.meta.url);

/** tinypool on worker_threads with all N threads started up front and kept; otherwise its defaults. */
export const tinypoolPool: PeerPoolFactory = ({ workers, inFlightPerWorker, bootstrap, onError }) => {
  const pool = new Tinypool({
    filename: ENTRY.href,
    runtime: 'worker_threads',
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: Infinity,
    workerData: bootstrap,
    ...(inFlightPerWorker === undefined ? {} : { concurrentTasksPerWorker: inFlightPerWorker }),
  });
  pool.on('error', onError);
  return {
    run: (input, transfer) => pool.run(input, { transferList: transfer }) as Promise<Value>,
    destroy: () => pool.destroy(),
  };
};

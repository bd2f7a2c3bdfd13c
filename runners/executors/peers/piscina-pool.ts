import { Piscina } from 'piscina';
import type { Value } from '../../../suites/suite.js';
import type { PeerPoolFactory } from './peer-executor.js';

const ENTRY = new URL('../../transports/peer/piscina-entry.js', import.meta.url);

/**
 * piscina with all N threads started up front and kept (idleTimeout: Infinity). `atomics`:
 * 'sync' (its default) pauses an idle worker in Atomics.wait; 'disabled' leaves it on its event loop.
 */
export function piscinaPool(atomics: 'sync' | 'disabled'): PeerPoolFactory {
  return ({ workers, inFlightPerWorker, bootstrap, onError }) => {
    const pool = new Piscina<Value, Value>({
      filename: ENTRY.href,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: Infinity,
      atomics,
      workerData: bootstrap,
      ...(inFlightPerWorker === undefined ? {} : { concurrentTasksPerWorker: inFlightPerWorker }),
    });
    pool.on('error', onError);
    return {
      run: (input, transfer) => pool.run(input, { transferList: transfer }),
      destroy: () => pool.destroy(),
    };
  };
}

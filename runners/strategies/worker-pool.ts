import { spawnWorkerChannel } from '../transports/worker/worker-channel.js';
import { Pool } from '../executors/pool.js';
import { inFlightPerWorkerOf } from '../contract/strategies.js';
import type { Strategy } from './strategy.js';

// A transferred input is detached on send, so the cell hands over a copy; a cloned one is left intact.
export const workerPool: Strategy<'worker-pool'> = {
  name: 'worker-pool',
  create: ({ workers, channel, inFlightPerWorker }) => {
    const depth = inFlightPerWorkerOf('worker-pool', inFlightPerWorker);
    return new Pool(workers, () => spawnWorkerChannel(channel, depth), channel.transport !== 'clone');
  },
};

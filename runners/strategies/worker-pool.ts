import { spawnWorkerChannel } from '../transports/worker/worker-channel.js';
import { Pool } from '../executors/pool.js';
import { STRATEGY_FACTS } from '../contract/strategies.js';
import type { Strategy } from './strategy.js';

// A transferred input is detached on send, so the cell hands over a copy; a cloned one is left intact.
export const workerPool: Strategy<'worker-pool'> = {
  name: 'worker-pool',
  create: ({ workers, channel, inFlightPerWorker = STRATEGY_FACTS['worker-pool'].inFlightPerWorker ?? 1 }) =>
    new Pool(workers, () => spawnWorkerChannel(channel, inFlightPerWorker), channel.transport !== 'clone'),
};

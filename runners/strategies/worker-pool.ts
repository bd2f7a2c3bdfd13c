import { spawnWorkerChannel } from '../transports/worker/worker-channel.js';
import { Pool } from '../executors/pool.js';
import type { Strategy } from './strategy.js';

export const workerPool: Strategy<'worker-pool'> = {
  name: 'worker-pool',
  create: ({ workers, channel }) => new Pool(workers, () => spawnWorkerChannel(channel), true),
};

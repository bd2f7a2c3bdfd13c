import { spawnWorkerChannel } from '../transports/worker/worker-channel.js';
import { Pool } from '../executors/pool.js';
import type { Strategy } from './strategy.js';

export const workerPool: Strategy = {
  name: 'worker-pool',
  description: 'N pre-spawned worker threads, a task queue, a crashed worker replaced',
  usesWorkers: true,
  create: ({ workers, channel }) => new Pool(workers, () => spawnWorkerChannel(channel), true),
};

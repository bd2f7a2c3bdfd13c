import { spawnChildChannel } from '../transports/child/child-channel.js';
import { Pool } from '../executors/pool.js';
import type { Strategy } from './strategy.js';

export const processPool: Strategy = {
  name: 'process-pool',
  description: 'N pre-forked child processes, a task queue, a crashed child replaced',
  usesWorkers: true,
  create: ({ workers, channel }) => new Pool(workers, () => spawnChildChannel(channel), false),
};

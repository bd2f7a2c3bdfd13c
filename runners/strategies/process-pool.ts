import { spawnChildChannel } from '../transports/child/child-channel.js';
import { Pool } from '../executors/pool.js';
import type { Strategy } from './strategy.js';

export const processPool: Strategy<'process-pool'> = {
  name: 'process-pool',
  create: ({ workers, channel }) => new Pool(workers, () => spawnChildChannel(channel), false),
};

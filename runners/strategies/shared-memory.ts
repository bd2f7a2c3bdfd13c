import { spawnSharedChannel } from '../transports/shared-memory/shared-channel.js';
import { Pool } from '../executors/pool.js';
import type { Strategy } from './strategy.js';

export const sharedMemory: Strategy<'shared-memory'> = {
  name: 'shared-memory',
  create: ({ workers, channel }) => new Pool(workers, () => spawnSharedChannel(channel), false),
};

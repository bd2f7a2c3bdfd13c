import { spawnSharedChannel } from '../transports/shared-memory/shared-channel.js';
import { Pool } from '../executors/pool.js';
import type { Strategy } from './strategy.js';

export const sharedMemory: Strategy = {
  name: 'shared-memory',
  description: 'N pre-spawned workers; payloads in SharedArrayBuffers, hand-off via Atomics',
  usesWorkers: true,
  create: ({ workers, channel }) => new Pool(workers, () => spawnSharedChannel(channel), false),
};

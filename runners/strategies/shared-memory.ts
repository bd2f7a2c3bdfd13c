import { spawnSharedChannel } from '../transports/shared-memory/shared-channel.js';
import { Doorbell } from '../transports/shared-memory/doorbell.js';
import { Pool } from '../executors/pool.js';
import { inFlightPerWorkerOf } from '../contract/strategies.js';
import type { Strategy } from './strategy.js';

export const sharedMemory: Strategy<'shared-memory'> = {
  name: 'shared-memory',
  create: ({ workers, channel, inFlightPerWorker }) => {
    const depth = inFlightPerWorkerOf('shared-memory', inFlightPerWorker);
    const doorbell = new Doorbell();
    return new Pool(workers, () => spawnSharedChannel(channel, depth, doorbell), false);
  },
};

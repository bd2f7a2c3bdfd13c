import { spawnSharedChannel } from '../transports/shared-memory/shared-channel.js';
import { Doorbell } from '../transports/shared-memory/doorbell.js';
import { Pool } from '../executors/pool.js';
import { STRATEGY_FACTS } from '../contract/strategies.js';
import type { Strategy } from './strategy.js';

export const sharedMemory: Strategy<'shared-memory'> = {
  name: 'shared-memory',
  create: ({ workers, channel, inFlightPerWorker = STRATEGY_FACTS['shared-memory'].inFlightPerWorker ?? 1 }) => {
    const doorbell = new Doorbell();
    return new Pool(workers, () => spawnSharedChannel(channel, inFlightPerWorker, doorbell), false);
  },
};

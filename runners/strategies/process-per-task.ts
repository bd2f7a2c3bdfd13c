import { spawnChildChannel } from '../transports/child/child-channel.js';
import { PerTaskExecutor } from '../executors/per-task.js';
import type { Strategy } from './strategy.js';

export const processPerTask: Strategy<'process-per-task'> = {
  name: 'process-per-task',
  create: ({ workers, channel }) => new PerTaskExecutor(workers, () => spawnChildChannel(channel), false),
};

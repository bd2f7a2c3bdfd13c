import { spawnChildChannel } from '../transports/child/child-channel.js';
import { PerTaskExecutor } from '../executors/per-task.js';
import type { Strategy } from './strategy.js';

export const processPerTask: Strategy = {
  name: 'process-per-task',
  description: 'a new child process (fork + IPC) for every task',
  usesWorkers: true,
  create: ({ workers, channel }) => new PerTaskExecutor(workers, () => spawnChildChannel(channel), false),
};

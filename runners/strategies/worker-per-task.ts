import { spawnWorkerChannel } from '../transports/worker/worker-channel.js';
import { PerTaskExecutor } from '../executors/per-task.js';
import type { Strategy } from './strategy.js';

export const workerPerTask: Strategy<'worker-per-task'> = {
  name: 'worker-per-task',
  create: ({ workers, channel }) => new PerTaskExecutor(workers, () => spawnWorkerChannel(channel), true),
};

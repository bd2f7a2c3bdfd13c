import { spawnWorkerChannel } from '../transports/worker/worker-channel.js';
import { PerTaskExecutor } from '../executors/per-task.js';
import type { Strategy } from './strategy.js';

export const workerPerTask: Strategy = {
  name: 'worker-per-task',
  description: 'a new worker thread for every task, terminated afterwards',
  usesWorkers: true,
  create: ({ workers, channel }) => new PerTaskExecutor(workers, () => spawnWorkerChannel(channel), true),
};

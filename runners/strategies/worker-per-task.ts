import { spawnWorkerChannel } from '../transports/worker/worker-channel.js';
import { PerTaskExecutor } from '../executors/per-task.js';
import type { Strategy } from './strategy.js';

// A transferred input is detached on send, so the cell hands over a copy; a cloned one is left intact.
export const workerPerTask: Strategy<'worker-per-task'> = {
  name: 'worker-per-task',
  create: ({ workers, channel }) => new PerTaskExecutor(workers, () => spawnWorkerChannel(channel), channel.transport !== 'clone'),
};

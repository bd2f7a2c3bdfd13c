import { MainThreadExecutor } from '../executors/main-thread.js';
import type { Strategy } from './strategy.js';

export const mainThread: Strategy = {
  name: 'main-thread',
  description: "runs tasks on the cell's own thread, one after another (the baseline)",
  usesWorkers: false,
  create: ({ suite }) => new MainThreadExecutor(suite),
};

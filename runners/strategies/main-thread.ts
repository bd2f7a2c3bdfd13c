import { MainThreadExecutor } from '../executors/main-thread.js';
import type { Strategy } from './strategy.js';

export const mainThread: Strategy<'main-thread'> = {
  name: 'main-thread',
  create: ({ suite }) => new MainThreadExecutor(suite),
};

import { mainThread } from './main-thread.js';
import { processPerTask } from './process-per-task.js';
import { processPool } from './process-pool.js';
import { sharedMemory } from './shared-memory.js';
import type { Strategy } from './strategy.js';
import { workerPerTask } from './worker-per-task.js';
import { workerPool } from './worker-pool.js';

/** Every strategy, in the order tables and charts show them. */
export const STRATEGIES: readonly Strategy[] = [
  mainThread, workerPerTask, workerPool, sharedMemory, processPerTask, processPool,
];
export const STRATEGY_NAMES = STRATEGIES.map((strategy) => strategy.name);

export function findStrategy(name: string): Strategy | undefined {
  return STRATEGIES.find((strategy) => strategy.name === name);
}

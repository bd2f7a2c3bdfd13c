import {
  BUILT_STRATEGY_NAMES,
  RUN_STRATEGY_NAMES,
  defaultStrategiesFor,
  type BuiltStrategyName,
  type StrategyName,
} from '../contract/strategies.js';
import { mainThread } from './main-thread.js';
import { piscina } from './piscina.js';
import { piscinaAtomicsOff } from './piscina-atomics-off.js';
import { poolifier } from './poolifier.js';
import { processPerTask } from './process-per-task.js';
import { processPool } from './process-pool.js';
import { sharedMemory } from './shared-memory.js';
import type { Strategy } from './strategy.js';
import { tinypool } from './tinypool.js';
import { workerPerTask } from './worker-per-task.js';
import { workerPool } from './worker-pool.js';

/** Every registered strategy with an executor of its own: one missing here does not compile. */
const BUILDERS: { readonly [N in BuiltStrategyName]: Strategy<N> } = {
  'main-thread': mainThread,
  'worker-per-task': workerPerTask,
  'worker-pool': workerPool,
  'shared-memory': sharedMemory,
  'process-per-task': processPerTask,
  'process-pool': processPool,
  piscina,
  'piscina-atomics-off': piscinaAtomicsOff,
  tinypool,
  poolifier,
};

/**
 * The `bench run` strategies' builders, in the order tables and charts show them. A cell
 * runs the strategy's own executor, so a run strategy outside BUILDERS does not compile here.
 */
export const STRATEGIES: readonly Strategy[] = RUN_STRATEGY_NAMES.map((name) => BUILDERS[name]);
/** What `bench run` measures without --strategies: the harness's own strategies (peers only when named). */
export const STRATEGY_NAMES: readonly StrategyName[] = defaultStrategiesFor('run');

export function findStrategy(name: string): Strategy | undefined {
  const built = BUILT_STRATEGY_NAMES.find((candidate) => candidate === name);
  return built === undefined ? undefined : BUILDERS[built];
}

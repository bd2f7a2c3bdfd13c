import type { Suite } from '../../suites/suite.js';
import type { ChannelOptions } from '../transports/channel.js';
import type { Executor } from '../executors/executor.js';

export interface StrategyOptions {
  suite: Suite;
  /** Threads or processes the strategy may use at once. */
  workers: number;
  /** How each worker or child is started: the suite, its priority, the thread API. */
  channel: ChannelOptions;
}

/** One way to run a cell's tasks. One file per strategy; all registered in index.ts. */
export interface Strategy {
  name: string;
  description: string;
  /** False for strategies that only ever use one thread, whatever --workers says. */
  usesWorkers: boolean;
  create(options: StrategyOptions): Executor;
}

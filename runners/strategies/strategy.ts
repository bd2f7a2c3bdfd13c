import type { Suite } from '../../suites/suite.js';
import type { BuiltStrategyName } from '../contract/strategies.js';
import type { ChannelOptions } from '../transports/channel.js';
import type { Executor } from '../executors/executor.js';

export interface StrategyOptions {
  suite: Suite;
  /** Threads or processes the strategy may use at once. */
  workers: number;
  /** How each worker or child is started: the suite, its priority, the thread API. */
  channel: ChannelOptions;
  /**
   * Tasks each worker may hold at once (--in-flight-per-worker); undefined: the strategy's
   * own default (the registry's). Peers pass it to their library's knob; worker-pool and
   * shared-memory make their channels that deep; the others run one task at a time.
   */
  inFlightPerWorker?: number;
}

/**
 * How one registered strategy builds its executor. One file per strategy; all mapped in
 * index.ts. What the strategy is and needs lives in runners/contract/strategies.ts.
 */
export interface Strategy<Name extends BuiltStrategyName = BuiltStrategyName> {
  name: Name;
  create(options: StrategyOptions): Executor;
}

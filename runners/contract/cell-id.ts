import type { CellKey } from './results.js';
import { defaultTransportOf } from './strategies.js';

/**
 * A cell's identity across files: how rounds, baselines, merges and compares pair cells.
 * A cell without a transport (files from before transports were a choice) ran its
 * strategy's default, so it pairs with a new cell that names that default.
 */
export const cellId = (key: CellKey): string =>
  [key.scenario, key.suite, key.size, key.strategy, key.runtime, key.workers, key.transport ?? defaultTransportOf(key.strategy) ?? ''].join(
    '|',
  );

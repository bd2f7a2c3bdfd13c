import type { CellKey } from './results.js';
import { defaultTransportOf } from './strategies.js';

/**
 * A cell's identity across files: how rounds, baselines, merges and compares pair cells.
 * A cell without a transport (files from before transports were a choice) ran its
 * strategy's default, so it pairs with a new cell that names that default.
 */
/** The identity fields of a cell (or of anything that carries them), and only those. */
export const cellKeyOf = (cell: CellKey): CellKey => ({
  scenario: cell.scenario,
  suite: cell.suite,
  size: cell.size,
  strategy: cell.strategy,
  runtime: cell.runtime,
  workers: cell.workers,
  ...(cell.transport === undefined ? {} : { transport: cell.transport }),
});

export const cellId = (key: CellKey): string =>
  [key.scenario, key.suite, key.size, key.strategy, key.runtime, key.workers, key.transport ?? defaultTransportOf(key.strategy) ?? ''].join(
    '|',
  );

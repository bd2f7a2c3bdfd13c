/**
 * How a cell's strategy reads where a results file holds it with several transports:
 * "worker-pool (clone)". A strategy measured with one transport, its default, reads as
 * before, so files of runs without --transport look as they always did.
 */
import type { CellResult } from '../../runners/contract/results.js';
import { defaultTransportOf } from '../../runners/contract/strategies.js';

type Named = Pick<CellResult, 'strategy' | 'transport'>;

/** What a cell ran with: the transport it names, or (files from before transports) its strategy's default. */
export const transportOf = (cell: Named): string => cell.transport ?? defaultTransportOf(cell.strategy) ?? 'unknown';

/** A labeller for the cells of one file: the transport is named where it tells cells apart or is not the default. */
export function strategyLabeller(cells: readonly Named[]): (cell: Named) => string {
  const transports = new Map<string, Set<string>>();
  for (const cell of cells) transports.set(cell.strategy, (transports.get(cell.strategy) ?? new Set()).add(transportOf(cell)));
  return (cell) => {
    const transport = transportOf(cell);
    const several = (transports.get(cell.strategy)?.size ?? 1) > 1;
    return several || transport !== (defaultTransportOf(cell.strategy) ?? transport) ? `${cell.strategy} (${transport})` : cell.strategy;
  };
}

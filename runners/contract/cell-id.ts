import type { CellKey } from './results.js';

/** A cell's identity across files: how rounds, baselines, merges and compares pair cells. */
export const cellId = (key: CellKey): string => [key.scenario, key.suite, key.size, key.strategy, key.runtime, key.workers].join('|');

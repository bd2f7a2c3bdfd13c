import type { BatchCellKey, CellKey, RuntimeName } from '../contract/results.js';
import { transportsToRun } from '../contract/strategies.js';

export interface PlannedSuite {
  name: string;
  url: string;
  size: number;
}

export interface PlannedRound {
  key: BatchCellKey;
  suiteUrl: string;
  round: number;
}

/**
 * Rounds run in separate processes, interleaved: round 1 of every cell, then round 2…
 * Machine drift then hits every strategy alike. Within a round the strategy order
 * rotates, so no strategy always runs first (cold caches) or last (warm machine).
 * `transportsFor`: the transports each strategy runs with (a cell each); by default its own default.
 */
export function planRounds(
  suites: PlannedSuite[],
  strategies: string[],
  workersFor: (strategy: string) => number | readonly number[],
  runtimes: RuntimeName[],
  rounds: number,
  transportsFor: (strategy: string) => readonly string[] = (strategy) => transportsToRun(strategy),
): PlannedRound[] {
  const plan: PlannedRound[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const suite of suites) {
      for (const runtime of runtimes) {
        const shift = (round - 1) % strategies.length;
        const order = [...strategies.slice(shift), ...strategies.slice(0, shift)];
        for (const strategy of order) {
          // A workers study sweeps several counts; a strategy that uses one thread gets one cell, not a copy per count.
          // A strategy outside the registry has no transports to name: one cell without one.
          const transports = transportsFor(strategy);
          for (const transport of transports.length > 0 ? transports : [undefined]) {
            for (const workers of new Set([workersFor(strategy)].flat())) {
              plan.push({
                key: {
                  scenario: 'batch',
                  suite: suite.name,
                  size: suite.size,
                  strategy,
                  runtime,
                  workers,
                  ...(transport === undefined ? {} : { transport }),
                },
                suiteUrl: suite.url,
                round,
              });
            }
          }
        }
      }
    }
  }
  return plan;
}

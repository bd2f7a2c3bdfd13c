import { unsupportedReason, type RuntimeProbe } from '../contract/capabilities.js';
import { cellId } from '../contract/cell-id.js';
import type { BatchCellKey, RunConfig, RuntimeName } from '../contract/results.js';
import { transportsToRun, workersFor } from '../contract/strategies.js';
import type { RuntimeInstall } from '../runtimes/locate.js';

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

/** A runtime the run asked for: installed and probed, or missing (its cells are skipped). */
export type RuntimeTarget = { name: RuntimeName; install: RuntimeInstall; probe: RuntimeProbe } | { name: RuntimeName; missing: string };
/** A runtime the cells can run on. */
export type ProbedTarget = Extract<RuntimeTarget, { probe: RuntimeProbe }>;

/** What a plan is made of: the fields of a RunRequest or AbRequest it reads. */
export interface PlanRequest {
  suites: PlannedSuite[];
  config: Pick<RunConfig, 'strategies' | 'workers' | 'rounds' | 'transports'>;
  runtimes: readonly RuntimeTarget[];
  /** A workers study's counts; absent: config.workers. */
  workersList?: readonly number[] | undefined;
}

export interface PlannedCell {
  key: BatchCellKey;
  /** Why the cell is not run (its runtime is missing or cannot run it); undefined: it runs. */
  skip: string | undefined;
}

export interface RunPlan {
  /** Every planned cell once, in first-seen order (the order of the results file), runnable or not. */
  cells: PlannedCell[];
  /** The rounds to execute, in order: the skipped cells' left out. */
  runnable: PlannedRound[];
  /** The probed runtime each runnable round runs on. */
  targetOf(key: BatchCellKey): ProbedTarget;
}

/**
 * The one plan of `bench run`, `bench study` and `bench ab`: planRounds over the request's
 * suites, strategies, worker counts, transports and runtimes, each cell with its skip reason.
 * `rounds`: how many to plan (default config.rounds); A/B plans one and pairs its rounds itself.
 */
export function planRun(request: PlanRequest, rounds: number = request.config.rounds): RunPlan {
  const { config } = request;
  const targets = new Map(request.runtimes.map((target) => [target.name, target]));
  const counts = request.workersList ?? [config.workers];
  const plan = planRounds(
    request.suites,
    config.strategies,
    (strategy) => counts.map((n) => workersFor(strategy, n)),
    request.runtimes.map((t) => t.name),
    rounds,
    (strategy) => transportsToRun(strategy, config.transports),
  );
  const skipReason = (key: BatchCellKey): string | undefined => {
    const target = targets.get(key.runtime);
    if (target === undefined) return `runtime ${key.runtime} was not set up`;
    return 'missing' in target ? target.missing : unsupportedReason(target.probe, key.strategy, key.transport);
  };
  const cells = new Map<string, PlannedCell>();
  for (const { key } of plan) {
    const id = cellId(key);
    if (!cells.has(id)) cells.set(id, { key, skip: skipReason(key) });
  }
  return {
    cells: [...cells.values()],
    runnable: plan.filter((planned) => cells.get(cellId(planned.key))!.skip === undefined),
    targetOf(key) {
      const target = targets.get(key.runtime);
      if (target === undefined || 'missing' in target) throw new Error(`no probed runtime ${key.runtime} for a runnable cell`);
      return target;
    },
  };
}

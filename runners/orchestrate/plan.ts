import { unsupportedReason, type RuntimeProbe } from '../contract/capabilities.js';
import { cellId } from '../contract/cell-id.js';
import type { BatchCellKey, RunConfig, RuntimeName } from '../contract/results.js';
import { transportsToRun, workersFor } from '../contract/strategies.js';
import type { RuntimeInstall } from '../runtimes/locate.js';
import { seededRandom } from '../../suites/seeded-random.js';

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
 * Rounds run in separate processes, in blocks: block r holds round r of every cell of a suite
 * and runtime, back to back, so the strategies of a block share the same minute of the
 * machine and a speedup can be taken within it (reports/decide/paired). Within a block the
 * order is a seeded shuffle, new each block: no strategy always runs first (cold caches) or
 * last (warm machine), nor always right after the same neighbour, and the same seed plans the
 * same order again. `transportsFor`: the transports each strategy runs with (a cell each); by
 * default its own default. `seed` absent: every block in the order given (a test's view).
 */
export function planRounds(
  suites: PlannedSuite[],
  strategies: string[],
  workersFor: (strategy: string) => number | readonly number[],
  runtimes: RuntimeName[],
  rounds: number,
  transportsFor: (strategy: string) => readonly string[] = (strategy) => transportsToRun(strategy),
  seed?: number,
  firstRound = 1,
): PlannedRound[] {
  const plan: PlannedRound[] = [];
  for (let round = firstRound; round < firstRound + rounds; round++) {
    for (const suite of suites) {
      for (const runtime of runtimes) {
        const block: PlannedRound[] = [];
        for (const strategy of strategies) {
          // A workers study sweeps several counts; a strategy that uses one thread gets one cell, not a copy per count.
          // A strategy outside the registry has no transports to name: one cell without one.
          const transports = transportsFor(strategy);
          for (const transport of transports.length > 0 ? transports : [undefined]) {
            for (const workers of new Set([workersFor(strategy)].flat())) {
              block.push({
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
        plan.push(...(seed === undefined ? block : shuffled(block, blockRandom(seed, round, suite.name, runtime))));
      }
    }
  }
  return plan;
}

/** A generator for one block, from the run's seed and what names the block. */
function blockRandom(seed: number, round: number, suite: string, runtime: string): () => number {
  let hash = Math.imul(seed >>> 0, 0x9e3779b1) ^ round;
  for (const char of `${suite}\u0000${runtime}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return seededRandom(hash >>> 0);
}

/** Fisher–Yates: every order equally likely. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A runtime the run asked for: installed and probed, or missing (its cells are skipped). */
export type RuntimeTarget = { name: RuntimeName; install: RuntimeInstall; probe: RuntimeProbe } | { name: RuntimeName; missing: string };
/** A runtime the cells can run on. */
export type ProbedTarget = Extract<RuntimeTarget, { probe: RuntimeProbe }>;

/** The probes of the runtimes that were found, by name. */
export const probesOf = (runtimes: readonly RuntimeTarget[]): Map<string, RuntimeProbe> =>
  new Map(runtimes.flatMap((t) => ('probe' in t ? [[t.name, t.probe] as const] : [])));

/** What a plan is made of: the fields of a RunRequest or AbRequest it reads. */
export interface PlanRequest {
  suites: PlannedSuite[];
  config: Pick<RunConfig, 'strategies' | 'workers' | 'rounds' | 'transports' | 'seed'>;
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
  /** One more block after those planned (`round`: its number), the skipped cells' left out: a sequential run adds them. */
  block(round: number): PlannedRound[];
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
  const planBlocks = (count: number, first: number, seed?: number): PlannedRound[] =>
    planRounds(
      request.suites,
      config.strategies,
      (strategy) => counts.map((n) => workersFor(strategy, n)),
      request.runtimes.map((t) => t.name),
      count,
      (strategy) => transportsToRun(strategy, config.transports),
      seed,
      first,
    );
  const plan = planBlocks(rounds, 1, config.seed);
  const skipReason = (key: BatchCellKey): string | undefined => {
    const target = targets.get(key.runtime);
    if (target === undefined) return `runtime ${key.runtime} was not set up`;
    return 'missing' in target ? target.missing : unsupportedReason(target.probe, key.strategy, key.transport);
  };
  const cells = new Map<string, PlannedCell>();
  // The results file lists the cells in the order asked for, not in the first block's shuffle.
  for (const { key } of planBlocks(1, 1)) {
    const id = cellId(key);
    if (!cells.has(id)) cells.set(id, { key, skip: skipReason(key) });
  }
  const runnable = (planned: PlannedRound): boolean => cells.get(cellId(planned.key))!.skip === undefined;
  return {
    cells: [...cells.values()],
    runnable: plan.filter(runnable),
    block: (round) => planBlocks(1, round, config.seed).filter(runnable),
    targetOf(key) {
      const target = targets.get(key.runtime);
      if (target === undefined || 'missing' in target) throw new Error(`no probed runtime ${key.runtime} for a runnable cell`);
      return target;
    },
  };
}

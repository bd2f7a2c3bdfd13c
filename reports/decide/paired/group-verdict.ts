/**
 * The verdict for one point (a suite, size, runtime and worker count) by paired ratios.
 *
 * The question a run settles is each strategy's speedup over main-thread: faster (its paired
 * interval above 1), slower (below 1), equivalent (inside ±EQUIVALENCE_MARGIN), or unsettled —
 * and a sequential run adds blocks while any is (stop-rule.ts). Among the strategies faster
 * than main-thread, the one with the highest median speedup leads, and each other is placed
 * against it by their own paired ratio: behind, equivalent, or not told apart. That ranking is
 * reported with its intervals but not pursued: on a 2-core machine two pools' rounds swing
 * ±15 % with nothing else running, and telling 1.00× from ±10 % took more than 20 blocks
 * (measured: 23 blocks, 3 minutes, interval 0.93–1.11×), while the speedup over main-thread is
 * settled in the first six.
 */
import type { CompletedCell, RunConfig } from '../../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../../runners/contract/strategies.js';
import { type LookPlan, type PairedRatio, pairedRatio } from './paired-ratio.js';

/** Two strategies within this of each other tie, when their paired interval shows it: a difference a reader would not act on. */
export const EQUIVALENCE_MARGIN = 0.1;

/** Against main-thread. */
export type Speedup = 'faster' | 'slower' | 'equivalent' | 'unsettled';
/** Against the leader, among the strategies faster than main-thread. */
export type Rank = 'leader' | 'behind' | 'equivalent' | 'not-told-apart';

export interface Entry {
  cell: CompletedCell;
  /** Paired speedup over main-thread (this ÷ main-thread); undefined for main-thread itself. */
  speedup: PairedRatio | undefined;
  standing: Speedup;
  /** Faster strategies only: placed against the leader by their paired ratio (this ÷ leader). */
  rank?: { rank: Rank; toLeader: PairedRatio | undefined };
}

export interface GroupVerdict {
  baseline: CompletedCell;
  /** The other strategies, highest median speedup first. */
  entries: Entry[];
  /** No strategy's speedup over main-thread is unsettled. */
  settled: boolean;
  /** Every strategy had enough blocks with main-thread for a paired interval. */
  paired: boolean;
  /** Blocks the strategies shared with main-thread (the fewest). */
  blocks: number;
}

/** The looks a run made: its first blocks (--rounds) and the most it may make (--max-rounds). */
export const lookPlanOf = (config: Pick<RunConfig, 'rounds' | 'maxRounds'>): LookPlan => ({
  firstLook: config.rounds,
  maxBlocks: Math.max(config.rounds, config.maxRounds ?? config.rounds),
});

const within = ([low, high]: [number, number]): boolean => low >= 1 / (1 + EQUIVALENCE_MARGIN) && high <= 1 + EQUIVALENCE_MARGIN;

function speedupOf(ratio: PairedRatio | undefined): Speedup {
  const interval = ratio?.interval;
  if (!interval) return 'unsettled';
  if (interval[0] > 1) return 'faster';
  if (interval[1] < 1) return 'slower';
  return within(interval) ? 'equivalent' : 'unsettled';
}

function rankOf(toLeader: PairedRatio | undefined): Rank {
  const interval = toLeader?.interval;
  if (!interval) return 'not-told-apart';
  if (interval[1] < 1) return 'behind';
  return within(interval) ? 'equivalent' : 'not-told-apart';
}

/** Undefined without main-thread among the cells, or without another strategy: nothing to pair. */
export function groupVerdict(cells: readonly CompletedCell[], plan: LookPlan): GroupVerdict | undefined {
  const baseline = cells.find((cell) => cell.strategy === BASELINE_STRATEGY);
  const others = cells.filter((cell) => cell !== baseline);
  if (!baseline || others.length === 0) return undefined;
  const entries = others
    .map((cell): Entry => {
      const speedup = pairedRatio(cell, baseline, plan);
      return { cell, speedup, standing: speedupOf(speedup) };
    })
    .sort((a, b) => (b.speedup?.median ?? 0) - (a.speedup?.median ?? 0));
  const faster = entries.filter((e) => e.standing === 'faster');
  const leader = faster[0];
  for (const entry of faster) {
    const toLeader = entry === leader ? undefined : pairedRatio(entry.cell, leader!.cell, plan);
    entry.rank = { rank: entry === leader ? 'leader' : rankOf(toLeader), toLeader };
  }
  return {
    baseline,
    entries,
    settled: entries.every((e) => e.standing !== 'unsettled'),
    paired: entries.every((e) => e.speedup?.interval != null),
    blocks: Math.min(...entries.map((e) => e.speedup?.blocks ?? 0)),
  };
}

/**
 * The per-round values a compare tests: one value per fresh-process round, so the
 * statistics see the real between-run variance (see compare-metric.ts for why rounds).
 */
import type { CompletedCell } from '../../../runners/contract/results.js';
import { ascending, quantile } from '../../../runners/common/stats.js';

export interface RoundFigures {
  /** Saturated tasks/s of each round (or, normalized, its speedup over main-thread). */
  throughput: number[];
  /**
   * Median of each round's unloaded latency samples (or, normalized, ÷ main-thread's): the
   * per-task cost. A task shorter than a scheduler time slice mostly runs uninterrupted, so
   * on a busy runner this stays within ~2 % while throughput swings by tens of percent;
   * it is the metric that still sees a code regression when the machine is contended.
   */
  p50: number[];
  /** 99th percentile of each round's unloaded latency samples (or, normalized, ÷ main-thread's). */
  p99: number[];
  /** The fewest unloaded latency samples any round (of either cell, normalized) had. */
  fewestLatencySamples: number;
}

/**
 * Samples that must lie beyond a per-round quantile for it to be compared. With fewer, the
 * p99 is the top sample or two — one task preempted by a neighbour moves it, and it did
 * move by 15 % between side-by-side A/A runs with 160 samples a round. So p99 needs 500
 * samples a round (a 500 ms phase of 1 ms tasks), p50 needs 10.
 */
export const TAIL_SAMPLES = 5;

/** Why a per-round quantile `q` cannot be compared with `fewest` samples a round, or undefined. */
export function tooFewSamples(name: string, q: number, fewest: number): string | undefined {
  const needed = Math.round(TAIL_SAMPLES / (1 - q));
  if (fewest >= needed) return undefined;
  return (
    `each round's ${name} rests on its top ${Math.round(fewest * (1 - q) * 10) / 10} of ${fewest} latency samples: ` +
    `too few to compare (${needed} a round needed; raise --phase-time)`
  );
}

const latencyQuantiles = (samples: readonly number[]): { p50: number; p99: number } | undefined => {
  if (samples.length === 0) return undefined;
  const sorted = ascending(samples);
  return { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
};

export function roundFigures(cell: CompletedCell): RoundFigures {
  const latencies = cell.rounds.flatMap((round) => latencyQuantiles(round.latencySamplesMs) ?? []);
  return {
    throughput: cell.rounds.map((round) => round.tasksPerSec),
    p50: latencies.map((q) => q.p50),
    p99: latencies.map((q) => q.p99),
    fewestLatencySamples: Math.min(...cell.rounds.map((round) => round.latencySamplesMs.length)),
  };
}

/**
 * `--normalize`: each round's figure divided by main-thread's figure of the same round
 * number in the same run. Rounds are interleaved, so round r of both cells ran minutes
 * apart at most, under the same machine conditions: the ratio cancels both the machine
 * and much of its drift. Undefined when the two cells share no round.
 */
export function normalizedFigures(cell: CompletedCell, reference: CompletedCell): RoundFigures | undefined {
  const byRound = new Map(reference.rounds.map((round) => [round.round, round]));
  const figures: RoundFigures = { throughput: [], p50: [], p99: [], fewestLatencySamples: Number.POSITIVE_INFINITY };
  for (const round of cell.rounds) {
    const ref = byRound.get(round.round);
    if (!ref) continue;
    if (ref.tasksPerSec > 0) figures.throughput.push(round.tasksPerSec / ref.tasksPerSec);
    const own = latencyQuantiles(round.latencySamplesMs);
    const base = latencyQuantiles(ref.latencySamplesMs);
    if (own && base && base.p50 > 0 && base.p99 > 0) {
      figures.p50.push(own.p50 / base.p50);
      figures.p99.push(own.p99 / base.p99);
    }
    figures.fewestLatencySamples = Math.min(figures.fewestLatencySamples, round.latencySamplesMs.length, ref.latencySamplesMs.length);
  }
  return figures.throughput.length > 0 ? figures : undefined;
}

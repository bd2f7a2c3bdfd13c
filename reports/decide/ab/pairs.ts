/**
 * The pairs of an A/B cell and their B ÷ A ratios: the figures every A/B decision, table and
 * chart is made of. A pair is the A round and the B round with the same `pair` index; a
 * round whose partner is missing (its side errored, the run stopped between the two) is
 * left out, since a ratio needs both halves measured under the same conditions.
 */
import type { AbMetric, AbRound } from '../../../runners/contract/ab.js';
import { median } from '../../../runners/common/stats.js';

export const AB_METRICS: readonly AbMetric[] = ['throughput', 'p50'];

/** Which way a ratio B ÷ A is bad: fewer tasks a second, or a longer median latency. */
export const WORSE_WHEN: Record<AbMetric, 'lower' | 'higher'> = { throughput: 'lower', p50: 'higher' };

export interface AbPair {
  pair: number;
  a: AbRound;
  b: AbRound;
  /** B ÷ A per metric; null where a side's figure is missing or not positive (no latency samples). */
  ratios: Record<AbMetric, number | null>;
}

function figure(round: AbRound, metric: AbMetric): number {
  return metric === 'throughput' ? round.sample.tasksPerSec : median(round.sample.latencySamplesMs);
}

function ratio(a: number, b: number): number | null {
  const r = b / a;
  return a > 0 && b > 0 && Number.isFinite(r) ? r : null;
}

/** The complete pairs in `pair` order; of two rounds of one side with the same index, the first run counts. */
export function pairRounds(rounds: readonly AbRound[]): AbPair[] {
  const sides = new Map<number, { a?: AbRound; b?: AbRound }>();
  for (const round of [...rounds].sort((x, y) => x.position - y.position)) {
    const entry = sides.get(round.pair) ?? {};
    if (!entry[round.side]) entry[round.side] = round;
    sides.set(round.pair, entry);
  }
  const pairs: AbPair[] = [];
  for (const [pair, { a, b }] of [...sides].sort(([x], [y]) => x - y)) {
    if (!a || !b) continue;
    const ratios = {} as Record<AbMetric, number | null>;
    for (const metric of AB_METRICS) ratios[metric] = ratio(figure(a, metric), figure(b, metric));
    pairs.push({ pair, a, b, ratios });
  }
  return pairs;
}

/** One metric's ratios of the given pairs, the unusable ones left out. */
export function metricRatios(pairs: readonly AbPair[], metric: AbMetric): number[] {
  return pairs.flatMap((p) => (p.ratios[metric] === null ? [] : [p.ratios[metric]]));
}

/**
 * Rounds that fall into two groups far apart: each round is a fresh process, and a workload
 * whose hot loop V8 settles into one of two tierings (optimized, or caught in a deopt loop)
 * runs at one of two speeds per process. Its spread is then no noise to average away: the
 * median picks a mode, and "close other programs" is the wrong advice.
 */
import { ascending, mean, standardDeviation } from './stats.js';

/** The two groups, each with its rounds' mean and count. */
export interface TwoModes {
  low: { mean: number; rounds: number };
  high: { mean: number; rounds: number };
}

/** The smaller group must hold at least this many rounds: one stray round is an outlier, not a mode. */
const MIN_ROUNDS_PER_MODE = 2;
/** The gap between the groups, as a share of the value under it: past ordinary run-to-run noise. */
const MIN_GAP_SHARE = 0.3;
/** The gap in the groups' pooled standard deviations: the groups are tight, not one smear. */
const MIN_GAP_IN_SDS = 4;

/** Pooled standard deviation of two groups around their own means. */
function pooledSd(a: readonly number[], b: readonly number[]): number {
  const squares = (group: readonly number[]): number => (group.length - 1) * standardDeviation(group) ** 2;
  return Math.sqrt((squares(a) + squares(b)) / (a.length + b.length - 2));
}

/**
 * The split of `values` at their widest gap, when both sides hold MIN_ROUNDS_PER_MODE values
 * and the gap is both MIN_GAP_SHARE of the value under it and MIN_GAP_IN_SDS pooled standard
 * deviations; else undefined. Simulated: five rounds of 10 % Gaussian noise split so in 1 of
 * 2,000 seeded cells (test/two-modes-rare-on-noise; 0.14 % of 20,000 unseeded); two modes 2×
 * apart with 5 % noise in each are split in 1,999 of 2,000 (test/two-modes-finds-split-rounds).
 */
export function twoModes(values: readonly number[]): TwoModes | undefined {
  const sorted = ascending(values);
  let best: { at: number; gap: number } | undefined;
  for (let at = MIN_ROUNDS_PER_MODE; at <= sorted.length - MIN_ROUNDS_PER_MODE; at++) {
    const gap = sorted[at]! - sorted[at - 1]!;
    if (best === undefined || gap > best.gap) best = { at, gap };
  }
  if (best === undefined) return undefined;
  const low = sorted.slice(0, best.at);
  const high = sorted.slice(best.at);
  if (best.gap < MIN_GAP_SHARE * low.at(-1)! || best.gap < MIN_GAP_IN_SDS * pooledSd(low, high)) return undefined;
  return { low: { mean: mean(low), rounds: low.length }, high: { mean: mean(high), rounds: high.length } };
}

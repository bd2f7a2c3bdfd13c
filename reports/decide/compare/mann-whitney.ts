/**
 * Two-sided Mann–Whitney U test (Wilcoxon rank-sum), the significance half of a compare
 * verdict. Rank-based on purpose: one round slowed by a noisy neighbour moves one rank,
 * not the mean, and nothing is assumed about the shape of round-to-round noise.
 *
 * With the few rounds a benchmark affords (3–10 a side) the normal approximation is poor,
 * so the p-value is exact: the permutation distribution of the rank sum, counted by
 * dynamic programming over (mid)ranks, which also handles ties exactly. Beyond
 * EXACT_LIMIT values in all it falls back to the normal approximation with tie and
 * continuity corrections.
 */
import { ascending } from '../../../runners/common/stats.js';

/** Largest total sample size for the exact distribution: N × n × rank-sum cells stays < 10⁸. */
export const EXACT_LIMIT = 60;

export interface MannWhitneyResult {
  /** U of the first sample: pairs (a, b) with a > b, ties counting one half. */
  u: number;
  /** Two-sided p-value. */
  pValue: number;
  exact: boolean;
}

/** Ranks 1..N of the pooled values, ties sharing their mean rank; doubled so they stay integers. */
function doubledMidranks(pooled: readonly number[]): Map<number, number> {
  const sorted = ascending(pooled);
  const ranks = new Map<number, number>();
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[start]) end++;
    // Positions start..end (0-based) hold ranks start+1..end+1; their mean, doubled:
    ranks.set(sorted[start]!, start + end + 2);
    start = end + 1;
  }
  return ranks;
}

/**
 * P(|W − E[W]| ≥ |w − E[W]|) when `n` of the `doubled` ranks are drawn at random:
 * counts of every n-subset by its rank sum (a subset-sum DP), then the two tails.
 */
function exactTwoSided(doubled: readonly number[], n: number, observed: number): number {
  const total = doubled.reduce((sum, r) => sum + r, 0);
  // ways[k][s]: subsets of size k with doubled rank sum s among the ranks seen so far.
  const ways = Array.from({ length: n + 1 }, () => new Float64Array(total + 1));
  ways[0]![0] = 1;
  for (const rank of doubled) {
    for (let k = n; k >= 1; k--) {
      const from = ways[k - 1]!;
      const to = ways[k]!;
      for (let s = total; s >= rank; s--) to[s]! += from[s - rank]!;
    }
  }
  const expected = (n * total) / doubled.length;
  const distance = Math.abs(observed - expected);
  let extreme = 0;
  let all = 0;
  ways[n]!.forEach((count, sum) => {
    all += count;
    // Sums are integers (or halves): a small tolerance keeps the observed sum in its own tail.
    if (Math.abs(sum - expected) >= distance - 1e-9) extreme += count;
  });
  return Math.min(1, extreme / all);
}

/** Standard normal upper tail, Φ̄(z), by the Abramowitz–Stegun 7.1.26 erfc (error < 1.5e-7). */
function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erfc = poly * Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

function normalTwoSided(pooled: readonly number[], n: number, m: number, u: number): number {
  const N = n + m;
  const counts = new Map<number, number>();
  for (const value of pooled) counts.set(value, (counts.get(value) ?? 0) + 1);
  const tieTerm = [...counts.values()].reduce((sum, t) => sum + (t ** 3 - t), 0);
  const variance = ((n * m) / 12) * (N + 1 - tieTerm / (N * (N - 1)));
  if (variance <= 0) return 1;
  const z = (Math.abs(u - (n * m) / 2) - 0.5) / Math.sqrt(variance);
  return Math.min(1, 2 * normalUpperTail(Math.max(0, z)));
}

export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) throw new RangeError('mannWhitneyU needs at least one value in each sample');
  const pooled = [...a, ...b];
  const ranks = doubledMidranks(pooled);
  const rankSumA = a.reduce((sum, value) => sum + ranks.get(value)!, 0);
  const u = rankSumA / 2 - (n * (n + 1)) / 2;
  const exact = n + m <= EXACT_LIMIT;
  const pValue = exact
    ? exactTwoSided(
        pooled.map((value) => ranks.get(value)!),
        n,
        rankSumA,
      )
    : normalTwoSided(pooled, n, m, u);
  return { u, pValue, exact };
}

/** The smallest two-sided p-value n and m rounds can give (complete separation, no ties). */
export function smallestPValue(n: number, m: number): number {
  let combinations = 1;
  for (let i = 1; i <= Math.min(n, m); i++) combinations = (combinations * (n + m - Math.min(n, m) + i)) / i;
  return Math.min(1, 2 / combinations);
}

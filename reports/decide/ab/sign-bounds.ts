/**
 * Exact group-sequential bounds for the median of paired log ratios (the sign test, looked
 * at several times).
 *
 * Why the sign test: the interval [x₍ₖ₎, x₍ₙ₋ₖ₊₁₎] between two order statistics of n
 * values covers their median with a probability that depends on n and k alone, whatever the
 * noise looks like (skewed, heavy-tailed, a slow round now and then): each value falls below
 * the true median with probability ½, so "x₍ₖ₎ lies above it" is "fewer than k of the n
 * values fell below it", a binomial(n, ½) tail. A bootstrap would need a seed and a few
 * thousand resamples to say less, and under-covers at the 6–15 pairs a gate can afford.
 *
 * Why exact across looks: the same event at several pair counts n₁ < n₂ < … is a question
 * about one random walk (the count of values below the median so far), so the chance that
 * ANY look's lower bound lies above the median is computed exactly here by dynamic
 * programming, instead of the Bonferroni sum that would charge every look in full. Each
 * look gets the largest k whose exact cumulative crossing chance stays within the α spent
 * so far (an α-spending design, Lan & DeMets 1983, on the sign statistic).
 */

const memo = new Map<string, number[]>();

/**
 * Per look, the order-statistic index k (1-based; 0: no bound is possible yet) such that
 * P(at some look j, fewer than k_j of the first n_j values fall below the true median)
 * ≤ budgets[j] cumulatively. By symmetry the same k bounds the upper tail.
 *
 * The walk is not stopped when a look decides something else (the other tail, `unchanged`,
 * another metric, time): stopping earlier can only remove later crossings, so the chance
 * computed here bounds the error of every stop rule built on these looks.
 */
export function signBounds(sizes: readonly number[], budgets: readonly number[]): number[] {
  const key = `${sizes.join(',')}|${budgets.join(',')}`;
  const known = memo.get(key);
  if (known) return known;
  const bounds: number[] = [];
  // dist[s]: chance that s of the first n values fell below the median and no look crossed yet.
  let dist = new Float64Array([1]);
  let n = 0;
  let crossed = 0;
  sizes.forEach((size, j) => {
    if (!Number.isInteger(size) || size <= n) throw new RangeError(`look sizes must be increasing integers (got ${sizes.join(', ')})`);
    for (; n < size; n++) {
      const next = new Float64Array(n + 2);
      for (let s = 0; s <= n; s++) {
        next[s]! += dist[s]! / 2;
        next[s + 1]! += dist[s]! / 2;
      }
      dist = next;
    }
    const budget = budgets[j] ?? 0;
    // k ≤ (n + 1) / 2 keeps the lower bound at or below the upper one.
    let k = 0;
    let tail = 0;
    while (k < Math.floor((n + 1) / 2)) {
      const more = tail + dist[k]!;
      // A relative slack of 1e-12 absorbs rounding in the sums, nothing more.
      if (crossed + more > budget * (1 + 1e-12)) break;
      tail = more;
      k++;
    }
    crossed += tail;
    for (let s = 0; s < k; s++) dist[s] = 0;
    bounds.push(k);
  });
  memo.set(key, bounds);
  return bounds;
}

/** ln C(n, s), by sums of logs: exact enough for n in the thousands. */
function logChoose(n: number, s: number): number {
  let sum = 0;
  for (let i = 1; i <= s; i++) sum += Math.log(n - s + i) - Math.log(i);
  return sum;
}

/** The coverage of [x₍ₖ₎, x₍ₙ₋ₖ₊₁₎] alone (one look, no correction): 1 − 2·P(Binomial(n, ½) ≤ k − 1). */
export function pointwiseConfidence(n: number, k: number): number {
  if (k <= 0) return 1;
  let tail = 0;
  for (let s = 0; s < k; s++) tail += Math.exp(logChoose(n, s) - n * Math.LN2);
  return Math.max(0, 1 - 2 * tail);
}

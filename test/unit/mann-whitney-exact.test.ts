/**
 * The Mann–Whitney U test gives the textbook exact p-values (checked against R's
 * wilcox.test(exact = TRUE) and scipy's mannwhitneyu(method = 'exact')), handles ties by
 * exact permutation, and its normal approximation agrees where it takes over.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXACT_LIMIT, mannWhitneyU, smallestPValue } from '../../reports/decide/compare/mann-whitney.js';

const close = (actual: number, expected: number, what: string): void =>
  assert.ok(Math.abs(actual - expected) < 1e-4, `${what}: ${actual} ≠ ${expected}`);

test('exact two-sided p-values, ties, and the normal approximation', () => {
  // Complete separation of 5 and 5: 2 / C(10, 5).
  const separated = mannWhitneyU([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
  assert.equal(separated.u, 0);
  assert.ok(separated.exact);
  close(separated.pValue, 2 / 252, 'separated 5 v 5');
  close(smallestPValue(5, 5), 2 / 252, 'smallest p of 5 v 5');
  close(smallestPValue(3, 3), 0.1, 'smallest p of 3 v 3');
  assert.ok(smallestPValue(4, 4) < 0.05 && smallestPValue(3, 4) > 0.05, '4 rounds a side is the least that can reach 0.05');

  // Interleaved: scipy.stats.mannwhitneyu([1,3,5,7,9], [2,4,6,8,10], method='exact') → U 10, p 0.6905.
  const interleaved = mannWhitneyU([1, 3, 5, 7, 9], [2, 4, 6, 8, 10]);
  assert.equal(interleaved.u, 10);
  close(interleaved.pValue, 0.690476, 'interleaved');
  // One inversion: U = 1 → p = 4 / 252.
  close(mannWhitneyU([1, 2, 3, 4, 6], [5, 7, 8, 9, 10]).pValue, 4 / 252, 'one inversion');
  // Symmetric in its arguments.
  close(mannWhitneyU([6, 7, 8, 9, 10], [1, 2, 3, 4, 5]).pValue, 2 / 252, 'swapped');

  // Ties, counted exactly: [1,1,2] v [2,3,3] has midranks 1.5,1.5,3.5 | 3.5,5.5,5.5; of the 20
  // ways to pick 3 ranks, 4 are as far from the mean rank sum as the observed 6.5.
  const tied = mannWhitneyU([1, 1, 2], [2, 3, 3]);
  assert.equal(tied.u, 0.5);
  close(tied.pValue, 0.2, 'ties');
  close(mannWhitneyU([4, 4, 4], [4, 4, 4]).pValue, 1, 'all tied');

  // Beyond the exact limit the normal approximation (continuity-corrected) takes over, and
  // agrees with the exact value where both apply.
  const a = Array.from({ length: 30 }, (_, i) => i * 1.1);
  const b = Array.from({ length: 30 }, (_, i) => i * 1.1 + 7);
  const exact = mannWhitneyU(a, b);
  assert.ok(exact.exact && a.length + b.length === EXACT_LIMIT);
  const approximate = mannWhitneyU([...a, 100], [...b, 101]);
  assert.equal(approximate.exact, false);
  assert.ok(Math.abs(Math.log(approximate.pValue / exact.pValue)) < 0.5, `normal ${approximate.pValue} vs exact ${exact.pValue}`);
});

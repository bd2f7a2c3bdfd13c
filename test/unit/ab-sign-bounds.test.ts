/**
 * The sequential sign bounds keep their α exactly: checked against brute force over every
 * sign sequence, and the spent α never exceeds the budget of any look.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointwiseConfidence, signBounds } from '../../reports/decide/ab/sign-bounds.js';

/** P(some look j has fewer than k_j of its first n_j values below the median), by enumerating all 2^n sign sequences. */
function bruteCrossing(sizes: number[], bounds: number[]): number[] {
  const n = sizes.at(-1)!;
  const cumulative = sizes.map(() => 0);
  for (let mask = 0; mask < 2 ** n; mask++) {
    for (let j = 0; j < sizes.length; j++) {
      let below = 0;
      for (let i = 0; i < sizes[j]!; i++) below += (mask >> i) & 1;
      if (below < bounds[j]!) {
        for (let later = j; later < sizes.length; later++) cumulative[later]! += 2 ** -n;
        break;
      }
    }
  }
  return cumulative;
}

test('the bounds spend exactly what brute force says, within each look budget', () => {
  const sizes = [6, 10, 14, 18];
  const budgets = [0.02, 0.04, 0.06, 0.08];
  const bounds = signBounds(sizes, budgets);
  const crossing = bruteCrossing(sizes, bounds);
  for (const [j, spent] of crossing.entries()) assert.ok(spent <= budgets[j]! + 1e-12, `look ${j + 1} spent ${spent} of ${budgets[j]}`);
  // Each k is the largest the budget allows: one more would overspend.
  for (let j = 0; j < sizes.length; j++) {
    const more = bounds.map((k, i) => (i === j ? k + 1 : k));
    assert.ok(bruteCrossing(sizes, more)[j]! > budgets[j]!, `look ${j + 1} could have used k = ${more[j]}`);
  }
  // Unspent α carries forward, so later looks get more than a Bonferroni share would give them.
  assert.deepEqual(bounds, [1, 2, 4, 6]);
});

test('one look: the classic order-statistic interval of the median', () => {
  // n = 20 at 95 %: the 6th and 15th values (coverage 95.9 %).
  assert.deepEqual(signBounds([20], [0.025]), [6]);
  assert.ok(Math.abs(pointwiseConfidence(20, 6) - 0.9586) < 1e-4);
});

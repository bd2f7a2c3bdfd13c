/**
 * Rounds at one of two speeds are found: the ab knob fixture's processes ran at about 2,200
 * or 4,300 tasks/s (V8 deoptimizing its hot loop in some, not others). Simulated with 5 %
 * noise in each mode, five rounds with both modes present are split in at least 95 % of
 * 2,000 cells, each group with its own rounds and mean.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { twoModes } from '../../runners/common/two-modes.js';
import { gaussian, rng } from '../helpers/ab-simulate.js';

const CELLS = 2_000;

test('two speeds 2× apart are split into their groups, and one stray round is not a mode', () => {
  assert.deepEqual(twoModes([2200, 4300, 2200, 4300, 2200]), {
    low: { mean: 2200, rounds: 3 },
    high: { mean: 4300, rounds: 2 },
  });
  // One slow round among steady ones: an outlier, which the variance warning covers.
  assert.equal(twoModes([1000, 1010, 990, 400, 1005]), undefined);

  const random = rng(0xb1);
  let found = 0;
  for (let cell = 0; cell < CELLS; cell++) {
    const rounds = [2200, 4300, 2200, 4300, 2200].map((mode) => mode * (1 + 0.05 * gaussian(random)));
    if (twoModes(rounds)) found++;
  }
  assert.ok(found >= 0.95 * CELLS, `only ${found} of ${CELLS} two-mode cells were split`);
});

/**
 * Ordinary noise is not called two modes: 2,000 seeded cells of five rounds with 10 %
 * Gaussian noise (a noisy runner's round-to-round spread) split into two groups in at most
 * 0.5 % of cells. A warning that fired on noise would send users hunting for deopts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { twoModes } from '../../runners/common/two-modes.js';
import { gaussian, rng } from '../helpers/ab-simulate.js';

const CELLS = 2_000;

test(`five rounds of 10 % noise read as two modes in at most 0.5 % of ${CELLS} cells`, () => {
  const random = rng(0x2d0e5);
  let split = 0;
  for (let cell = 0; cell < CELLS; cell++) {
    const rounds = Array.from({ length: 5 }, () => 1000 * (1 + 0.1 * gaussian(random)));
    if (twoModes(rounds)) split++;
  }
  assert.ok(split <= 0.005 * CELLS, `${split} of ${CELLS} noisy cells were split`);
});

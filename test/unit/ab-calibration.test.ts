/**
 * `--aa` calibration: the spread it reports follows the noise of the pairs, and the smallest
 * detectable change grows with it, never below the threshold itself.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AbCell } from '../../runners/contract/ab.js';
import { calibrate } from '../../reports/decide/ab/decide.js';
import { rng, rulesFor, SAME, simulatePair } from '../helpers/ab-simulate.js';

function aaCell(seed: number, round: number, pairs = 30): AbCell {
  const random = rng(seed);
  const rounds = Array.from({ length: pairs }, (_, pair) =>
    simulatePair(random, pair, SAME, { round, latency: round / 2, drift: 0.2, order: 0 }, pair * 2),
  ).flat();
  const key = { scenario: 'batch' as const, suite: 'knob', size: 1, strategy: 'main-thread', runtime: 'node', workers: 1 };
  return { key, rounds, error: null, decisions: { throughput: null, p50: null }, verdict: 'unchanged' };
}

test('spread tracks the pair noise and the MDE grows with it', () => {
  const rules = rulesFor(30);
  // 120 pairs: enough for the MAD to land within about 20 % of the truth.
  const quiet = calibrate([aaCell(1, 0.02, 120)], rules);
  const noisy = calibrate([aaCell(2, 0.08, 120)], rules);
  // A pair's log ratio has σ·√2 of noise: e^0.028 − 1 = 2.9 % and e^0.113 − 1 = 12.0 %.
  const near = (value: number | null, truth: number): boolean => value !== null && Math.abs(value / truth - 1) < 0.25;
  assert.ok(near(quiet.spread.throughput, 0.029), `quiet spread ${quiet.spread.throughput}`);
  assert.ok(near(noisy.spread.throughput, 0.12), `noisy spread ${noisy.spread.throughput}`);
  assert.ok(quiet.minimumDetectableEffect.throughput! > rules.threshold);
  assert.ok(noisy.minimumDetectableEffect.throughput! > quiet.minimumDetectableEffect.throughput!);
  assert.ok(noisy.minimumDetectableEffect.p50! > rules.threshold);
  // The widest cell sets the figure: one threshold serves every cell.
  const both = calibrate([aaCell(1, 0.02, 120), aaCell(2, 0.08, 120)], rules);
  assert.equal(both.spread.throughput, noisy.spread.throughput);
});

test('no MDE when the last look is too few pairs for any interval at this α', () => {
  const rules = rulesFor(5);
  const result = calibrate([aaCell(3, 0.02, 5)], rules);
  assert.equal(result.minimumDetectableEffect.throughput, null);
  assert.ok(result.spread.throughput !== null);
});

/**
 * Each metric is judged in its own bad direction: for p50 latency a ratio above 1 is slower
 * (regressed), for throughput a ratio below 1 is.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideCell } from '../../reports/decide/ab/decide.js';
import { rng, rulesFor, simulatePair, type SideTruth } from '../helpers/ab-simulate.js';

const rules = rulesFor(30);
const quiet = { round: 0.01, latency: 0.01, drift: 0.1, order: 0 };

function decideAfter(truth: SideTruth, pairs = 8) {
  const random = rng(0x950);
  const rounds = Array.from({ length: pairs }, (_, pair) => simulatePair(random, pair, truth, quiet, pair * 2)).flat();
  return decideCell(rounds, rules, false);
}

test('higher p50 latency is regressed, lower is improved', () => {
  const slower = decideAfter({ throughput: 1, p50: 1.3 });
  assert.equal(slower.decisions.p50?.verdict, 'regressed');
  assert.ok((slower.decisions.p50?.medianRatio ?? 0) > 1.25);
  assert.equal(slower.verdict, 'regressed');
  const faster = decideAfter({ throughput: 1, p50: 0.7 });
  assert.equal(faster.decisions.p50?.verdict, 'improved');
  assert.equal(faster.decisions.throughput?.verdict, 'unchanged');
  assert.equal(faster.verdict, 'improved');
});

test('lower throughput is regressed, higher is improved', () => {
  assert.equal(decideAfter({ throughput: 0.7, p50: 1 }).decisions.throughput?.verdict, 'regressed');
  assert.equal(decideAfter({ throughput: 1.3, p50: 1 }).decisions.throughput?.verdict, 'improved');
});

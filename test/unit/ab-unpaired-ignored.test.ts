/** A round without its partner (its side errored, or the run stopped between the two) is no pair. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideCell } from '../../reports/decide/ab/decide.js';
import { pairRounds } from '../../reports/decide/ab/pairs.js';
import { rng, rulesFor, sample, simulatePair } from '../helpers/ab-simulate.js';

test('rounds whose pair lacks the other side are left out of every figure', () => {
  const rules = rulesFor(30);
  const random = rng(0x1a);
  const paired = Array.from({ length: 8 }, (_, pair) =>
    simulatePair(random, pair, { throughput: 0.8, p50: 1 }, { round: 0.02, latency: 0.01, drift: 0.1, order: 0 }, pair * 2),
  ).flat();
  // Wild lone rounds: an A of pair 8 with no B, a B of pair 9 with no A, at 100× the figures.
  const lone = [
    { side: 'a' as const, pair: 8, position: 16, sample: sample(100_000, 200) },
    { side: 'b' as const, pair: 9, position: 17, sample: sample(10, 0.01) },
  ];
  assert.equal(pairRounds([...paired, ...lone]).length, 8);
  const without = decideCell(paired, rules, false);
  const withLone = decideCell([...lone, ...paired], rules, false);
  assert.deepEqual(withLone, without);
  assert.equal(withLone.decisions.throughput?.pairs, 8);
  assert.equal(withLone.verdict, 'regressed');
});

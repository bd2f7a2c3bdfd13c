/**
 * The gate's promise: two identical sides measured on a noisy runner are almost never called
 * `regressed`, however many looks the stop rule takes. 1,000 seeded A/A sequences with 10–20 %
 * noise per round and a 20 % drift shared by a pair, through every planned look.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rulesFor, runnerNoise, SAME, simulateMany } from '../helpers/ab-simulate.js';

const RUNS = 1000;

test('A/A: the false-alarm rate over the whole look schedule stays within α', () => {
  const rules = rulesFor(30, 0.05, 0.05);
  const { counts } = simulateMany(0xa11a, RUNS, SAME, runnerNoise, rules);
  // α = 0.05 bounds a false `regressed` for a true change right AT the threshold; with no
  // change at all the rate is far lower (0.4 % here), so ≤ α leaves wide room for
  // simulation error and the seed makes it exact anyway.
  assert.ok(counts.regressed <= rules.alpha * RUNS, `${counts.regressed} of ${RUNS} A/A sequences were called regressed`);
  assert.ok(counts.improved <= rules.alpha * RUNS, `${counts.improved} of ${RUNS} A/A sequences were called improved`);
  assert.equal(counts.regressed + counts.improved + counts.unchanged + counts.inconclusive, RUNS);
});

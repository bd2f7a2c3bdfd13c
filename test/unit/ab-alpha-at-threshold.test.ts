/**
 * The α spending is exact, not just conservative on paper: with B's throughput exactly at the
 * threshold (−5 %: the hardest true "no regression"), a false `regressed` over the whole look
 * schedule happens at most α/2 of the time, the share one metric gets of α.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rulesFor, simulateMany } from '../helpers/ab-simulate.js';

const RUNS = 2000;

test('a true change right at the threshold is called regressed at most α/2 of the time (one metric)', () => {
  const rules = rulesFor(30, 0.05, 0.05);
  // Latency noise is tiny and unchanged, so only throughput can raise a false alarm.
  const noise = () => ({ round: 0.05, latency: 0.002, drift: 0.2, order: 0.02 });
  const { counts } = simulateMany(0x7e57, RUNS, { throughput: 0.95, p50: 1 }, noise, rules);
  const rate = counts.regressed / RUNS;
  // Expected just under 0.025; 0.03 is two simulation standard errors above the bound.
  assert.ok(rate <= 0.03, `regressed in ${counts.regressed} of ${RUNS} (${(rate * 100).toFixed(2)} %)`);
  // And the bound is not wildly loose: a good share of its α is really spent.
  assert.ok(rate >= 0.005, `regressed in only ${counts.regressed} of ${RUNS}: the bounds spend far less than α`);
});

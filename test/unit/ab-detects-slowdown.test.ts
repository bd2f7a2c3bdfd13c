/** A 25 % slower B (fewer tasks a second, longer latency) is caught, and early. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { median } from '../../runners/common/stats.js';
import { rulesFor, simulateMany } from '../helpers/ab-simulate.js';

const RUNS = 300;

test('a 25 % slower B is regressed in nearly every sequence, mostly at an early look', () => {
  const rules = rulesFor(30);
  const noise = () => ({ round: 0.1, latency: 0.05, drift: 0.2, order: 0.02 });
  const { counts, pairs } = simulateMany(0x25, RUNS, { throughput: 1 / 1.25, p50: 1.25 }, noise, rules);
  assert.ok(counts.regressed >= 0.98 * RUNS, `regressed in ${counts.regressed} of ${RUNS}`);
  assert.equal(counts.improved + counts.unchanged, 0);
  assert.ok(median(pairs) <= 12, `median pairs needed: ${median(pairs)}`);
});

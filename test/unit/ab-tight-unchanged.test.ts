/** Two identical sides on a quiet machine are called `unchanged` at the first look, not run to the end. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rulesFor, SAME, simulateMany } from '../helpers/ab-simulate.js';

test('identical sides with 1 % noise end unchanged at the first planned look', () => {
  const rules = rulesFor(30);
  const noise = () => ({ round: 0.01, latency: 0.005, drift: 0.2, order: 0 });
  const { counts, pairs } = simulateMany(0x5a3e, 50, SAME, noise, rules);
  assert.equal(counts.unchanged, 50);
  assert.ok(
    pairs.every((n) => n === rules.looks[0]),
    `pairs: ${pairs.join(',')}`,
  );
});

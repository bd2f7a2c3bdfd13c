/** Noise far wider than the threshold: the gate runs to max pairs and says so, never guesses. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rulesFor, SAME, simulateMany } from '../helpers/ab-simulate.js';

test('40 % noise per round ends inconclusive at max pairs', () => {
  const rules = rulesFor(30);
  const noise = () => ({ round: 0.4, latency: 0.4, drift: 0.2, order: 0.02 });
  const { counts, pairs } = simulateMany(0x401, 50, SAME, noise, rules);
  // Never a false "unchanged": the interval cannot fit inside ±5 % with this noise. A false
  // regressed or improved stays possible, at the rate α allows (here 1 of 50).
  assert.equal(counts.unchanged, 0);
  assert.ok(counts.inconclusive >= 45, `inconclusive in ${counts.inconclusive} of 50`);
  assert.ok(pairs.filter((n) => n === 30).length >= 45, 'the inconclusive ones ran to max pairs');
});

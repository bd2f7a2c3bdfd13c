/**
 * Every percentile a results file holds comes from quantile(): it must lie between the two
 * samples it interpolates and rise with q, or the loader refuses the file (p50 ≤ p99 ≤ max,
 * a percentile within its samples). Checked over samples spread across twelve orders of
 * magnitude, as raw and as stored (rounded to 0.1 µs), and the percentiles bench writes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { round4 } from '../../runners/common/samples.js';
import { ascending, quantile } from '../../runners/common/stats.js';

/** A seeded xorshift, so a failure names an input that can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const QS = [0, 0.5, 0.75, 0.9, 0.99, 1];

test('a quantile lies between its two neighbouring samples and rises with q, before and after rounding', () => {
  const next = random(25);
  for (let trial = 0; trial < 2_000; trial++) {
    const length = 1 + Math.floor(next() * 300);
    const sorted = ascending(Array.from({ length }, () => next() * 10 ** (next() * 12 - 6)));
    const stored = sorted.map(round4);
    for (const samples of [sorted, stored]) {
      let previous = Number.NEGATIVE_INFINITY;
      for (const q of QS) {
        const found = quantile(samples, q);
        const position = (samples.length - 1) * q;
        const [low, high] = [samples[Math.floor(position)]!, samples[Math.ceil(position)]!];
        assert.ok(low <= found && found <= high, `trial ${trial}: q ${q} gave ${found}, outside [${low}, ${high}]`);
        assert.ok(found >= previous, `trial ${trial}: q ${q} gave ${found}, below the previous ${previous}`);
        assert.ok(round4(found) <= round4(samples.at(-1)!), `trial ${trial}: q ${q} rounds above the max`);
        previous = found;
      }
    }
  }
});

test('a quantile of equal samples is that sample, and of none is 0', () => {
  assert.equal(quantile([7.1234, 7.1234, 7.1234], 0.99), 7.1234);
  assert.equal(quantile([], 0.5), 0);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AbEta } from '../../runners/orchestrate/ab/ab-eta.js';

test("bench ab's ETA is a range: each open cell stopping at its next look, against each running to --max-rounds", () => {
  const eta = new AbEta([6, 10, 16], 16, Number.POSITIVE_INFINITY);
  assert.equal(eta.estimate([{ index: 0, pairs: 0, open: true }], 0), undefined, 'no pair timed yet');
  eta.paired(0, 1_000);
  eta.paired(1, 3_000);
  const range = eta.estimate(
    [
      { index: 0, pairs: 1, open: true }, // 5 pairs to the look at 6, 15 to 16, at 1 s each
      { index: 1, pairs: 1, open: true }, // the same at 3 s each
      { index: 2, pairs: 0, open: true }, // not yet paired: the mean, 2 s; 6 and 16 pairs
      { index: 3, pairs: 6, open: false }, // decided: nothing left
    ],
    0,
  );
  assert.deepEqual(range, { minMs: 5 * 1_000 + 5 * 3_000 + 6 * 2_000, maxMs: 15 * 1_000 + 15 * 3_000 + 16 * 2_000 });
});

test('--max-time caps both ends of the range', () => {
  const eta = new AbEta([6], 16, 10_000);
  eta.paired(0, 2_000);
  assert.deepEqual(eta.estimate([{ index: 0, pairs: 1, open: true }], 4_000), { minMs: 6_000, maxMs: 6_000 });
});

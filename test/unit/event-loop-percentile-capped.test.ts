/**
 * Bun's event-loop histogram can report p99 above its exact max (a bucket's upper bound); the
 * cell's reading caps each percentile at the max, or the round is not a valid results file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { histogramDelay } from '../../runners/cell/event-loop-delay.js';
import { EVENT_LOOP_DELAY } from '../../runners/contract/results-schema.js';
import * as v from 'valibot';

test('a percentile above the histogram max is read as the max', () => {
  // Bun's numbers from a failed round, in ns, with a 0 ms floor.
  const histogram = { max: 984_100, percentile: (p: number): number => (p === 50 ? 57_700 : 984_600) };
  const delay = histogramDelay(histogram, 0);
  assert.equal(delay.p99Ms, delay.maxMs);
  assert.ok(v.is(EVENT_LOOP_DELAY, delay));
});

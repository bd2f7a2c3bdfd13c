/**
 * The saturated batch's offered load: the flag when given; else two per worker, and the
 * strategy's own depth only for tasks too short for two per worker to keep a worker busy.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchInFlight, type MeasureOptions, PIPELINE_BELOW_MS } from '../../runners/cell/measure.js';

const options = (extra: Partial<MeasureOptions>): MeasureOptions => ({ workers: 2, ...extra }) as MeasureOptions;
/** The warm-up rate at which each of 2 workers takes `ms` per task. */
const rateFor = (ms: number): number => (2 * 1000) / ms;

test('the batch pipelines at the strategy depth only for short tasks, and the flag overrides', () => {
  const short = rateFor(PIPELINE_BELOW_MS / 10);
  const long = rateFor(PIPELINE_BELOW_MS * 10);
  assert.equal(batchInFlight(options({ strategyDepth: 8 }), short), 18, 'no-op tasks: the ring is kept full');
  assert.equal(batchInFlight(options({ strategyDepth: 8 }), long), 4, 'long tasks: the same offered load as everyone');
  assert.equal(batchInFlight(options({}), short), 4, 'no depth of its own: two per worker');
  assert.equal(batchInFlight(options({ strategyDepth: 1 }), short), 4);
  assert.equal(batchInFlight(options({ strategyDepth: 8, inFlightPerWorker: 3 }), short), 8, 'the flag wins');
  assert.equal(batchInFlight(options({ strategyDepth: 8, inFlightPerWorker: 3 }), long), 8);
});

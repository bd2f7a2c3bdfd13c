/**
 * A task that fails during the unloaded-latency phase fails the round with its own error,
 * not with the output check that tinybench's afterEach would run after it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Executor } from '../../runners/executors/executor.js';
import { measureRound } from '../../runners/cell/measure.js';
import type { Value } from '../../suites/suite.js';
import tiny from '../fixtures/tiny-suite.js';

/**
 * Runs the suite, but fails the third task in a row started with nothing else in flight:
 * that only happens in the unloaded phase (the warm-up and the batch keep two in flight).
 */
function failingWhenAlone(): Executor {
  let inFlight = 0;
  let soloStreak = 0;
  return {
    startupSamplesMs: [],
    setupSamplesMs: [],
    transfersInput: false,
    start: async () => {},
    close: async () => {},
    async run(input: Value): Promise<Value> {
      soloStreak = inFlight === 0 ? soloStreak + 1 : 0;
      inFlight++;
      try {
        await Promise.resolve();
        if (soloStreak >= 3) throw new Error('the real cause');
        return tiny.run(input as number);
      } finally {
        inFlight--;
      }
    },
  };
}

test('a failure in the unloaded phase surfaces with its own message', async () => {
  await assert.rejects(
    measureRound(failingWhenAlone(), {
      suite: tiny,
      size: 100,
      seed: 1,
      workers: 1,
      phaseMs: 50,
      eventLoopMethod: 'timer-drift',
      eventLoopFloorMs: 0,
    }),
    /the real cause/,
  );
});

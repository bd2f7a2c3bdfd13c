/**
 * The measured window opens only once the warm-up's leftover requests are done (they hold
 * the workers otherwise), and never waits past its bound.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Executor } from '../../runners/executors/executor.js';
import { BoundedExecutor } from '../../runners/http/server/admission.js';
import type { Value } from '../../suites/suite.js';

/** An executor whose tasks finish when the test says so. */
function manual(): { executor: Executor; finishAll: () => void } {
  const pending: Array<(value: Value) => void> = [];
  const executor: Executor = {
    startupSamplesMs: [],
    setupSamplesMs: [],
    transfersInput: false,
    start: async () => {},
    close: async () => {},
    run: () =>
      new Promise((resolve) => {
        pending.push(resolve);
      }),
  };
  return {
    executor,
    finishAll: () => {
      for (const resolve of pending.splice(0)) resolve(1);
    },
  };
}

test('settled() waits for the tasks in flight, and no longer than its bound', { timeout: 20_000 }, async () => {
  const { executor, finishAll } = manual();
  const bounded = new BoundedExecutor(executor, 2, 8);
  await bounded.settled(1_000); // nothing in flight: at once

  const tasks = [bounded.run(1), bounded.run(2), bounded.run(3)];
  let settled = false;
  const waiting = bounded.settled(10_000).then(() => {
    settled = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 30));
  assert.equal(settled, false, 'three tasks still in flight');
  finishAll();
  await Promise.all(tasks);
  await waiting;
  assert.equal(settled, true);

  void bounded.run(4); // never finishes: only the bound ends this wait (else the test times out)
  await bounded.settled(50);
});

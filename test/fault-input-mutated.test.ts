/**
 * Fault matrix: run() changes its input (an in-place sort). Its answers stay right, so only
 * the input check sees it: main-thread's originals change (it would go on sorting sorted
 * data), a worker's or a peer's copy does; every cell errors with the same breach.
 */
import { test } from 'node:test';
import { assertContainedOn, runFaultOn } from './helpers/fault-matrix.js';

const STRATEGIES = ['main-thread', 'worker-pool', 'piscina'];

test('run() mutating its input errors each cell naming the breach', { skip: process.platform !== 'linux' }, async () => {
  const result = await runFaultOn('faults/mutates-input.js', STRATEGIES);
  assertContainedOn(
    result,
    STRATEGIES,
    () => /^run\(\) mutated its input \(makeInput\(64, \d+\), seen .*\): run must not change its input/,
  );
});

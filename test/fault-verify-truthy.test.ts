/** Fault matrix: verify() returns 'yes' — not true, so the cell errors instead of counting every output verified. */
import { test } from 'node:test';
import { assertContainedOn, runFaultOn } from './helpers/fault-matrix.js';

const STRATEGIES = ['main-thread', 'worker-pool'];

test('verify() returning a truthy string errors each cell', { skip: process.platform !== 'linux' }, async () => {
  const result = await runFaultOn('faults/verify-truthy.js', STRATEGIES);
  assertContainedOn(result, STRATEGIES, () => /^verify\(\) returned 'yes' \(a string\): it must return true or false$/);
});

/**
 * Fault matrix: an async run() — refused with the same one line by bench's own strategies
 * and by the peer pools, which would otherwise await the Promise and call the cell completed.
 */
import { test } from 'node:test';
import { assertContainedOn, runFaultOn } from './helpers/fault-matrix.js';

const STRATEGIES = ['main-thread', 'worker-pool', 'piscina', 'tinypool'];

test("an async run() errors every strategy's cell with one line, peers included", { skip: process.platform !== 'linux' }, async () => {
  const result = await runFaultOn('faults/async-run.js', STRATEGIES);
  assertContainedOn(result, STRATEGIES, () => /^run\(\) returned a Promise \(an async run\): run must be synchronous/);
});

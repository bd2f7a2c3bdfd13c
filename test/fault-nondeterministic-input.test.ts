/** Fault matrix: makeInput() ignores its seed (Math.random) — the cell errors before measuring other work. */
import { test } from 'node:test';
import { assertContainedOn, runFaultOn } from './helpers/fault-matrix.js';

const STRATEGIES = ['main-thread', 'worker-pool'];

test('a non-deterministic makeInput() errors each cell saying where two inputs differ', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFaultOn('faults/nondeterministic-input.js', STRATEGIES);
  assertContainedOn(
    result,
    STRATEGIES,
    () => /^makeInput\(4, 1\) is not deterministic: .* \(at \.values\[0\]\): derive the input from size and seed/,
  );
});

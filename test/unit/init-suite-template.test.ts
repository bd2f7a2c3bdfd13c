/**
 * The starter suite `bench init` writes meets the suite contract and its example workload is
 * right: CRC-32 of "123456789" is the standard check value 0xCBF43926, verify accepts it and
 * rejects another, setup() is offered, and makeInput is deterministic. (Measuring it under
 * every strategy is test/init-starter-runs.test.ts.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateSuite } from '../../suites/registry.js';
import type { Suite } from '../../suites/suite.js';
import { EXAMPLE_SUITE } from '../../scripts/cli/init/example-suite.js';

test("init's starter suite meets the contract and computes CRC-32", async () => {
  // It imports nothing (its YOUR CODE import is a comment), so it loads from its text alone.
  const loaded: unknown = await import(`data:text/javascript,${encodeURIComponent(EXAMPLE_SUITE)}`);
  const suite = validateSuite(loaded, 'the starter suite') as Suite<Uint8Array, number>;
  assert.equal(typeof suite.setup, 'function');
  await suite.setup?.();

  const check = new TextEncoder().encode('123456789');
  assert.equal(suite.run(check), 0xcbf43926);
  assert.equal(suite.verify(check, 0xcbf43926), true);
  assert.equal(suite.verify(check, 0xcbf43925), false);

  const input = suite.makeInput(suite.sizes[0]!, 7);
  assert.equal(input.length, suite.sizes[0]);
  assert.deepEqual(suite.makeInput(suite.sizes[0]!, 7), input, 'the same size and seed give the same input');
  assert.notDeepEqual(suite.makeInput(suite.sizes[0]!, 8), input, 'another seed, another input');
  assert.equal(suite.verify(input, suite.run(input)), true);
  assert.ok(suite.sizes.includes(suite.defaultSize));
  assert.deepEqual(
    [...suite.sizes].sort((a, b) => a - b),
    suite.sizes,
    'sizes ascend',
  );
});

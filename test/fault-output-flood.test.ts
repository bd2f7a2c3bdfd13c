/** Fault matrix: tens of MB on stdout and stderr — every cell still completes; the CLI keeps only a tail. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

test('a suite flooding stdout and stderr completes under every strategy and does not flood the CLI', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFault('faults/flood.js', { withHealthy: false });
  assertContained(result, () => 'completed');
  assert.ok(
    result.stdout.length + result.stderr.length < 1_000_000,
    `the CLI printed ${result.stdout.length + result.stderr.length} characters`,
  );
});

/**
 * A suite that replaces Math.max at import does so in the processes that import it — the
 * suite probe and its cells — never in the CLI: the heap limit the CLI gives every cell
 * (defaultHeapMb: Math.min(4096, Math.max(256, …))) is the one it computes untouched, and
 * every cell completes under it. Loaded in the CLI (whose suites load before that default is
 * computed), Math.max returned 1 and every cell got a 1 MiB heap: the recorded limit below
 * would be 1, not the default.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultHeapMb } from '../scripts/cli/options/run-options.js';
import { assertContainedOn, runFaultOn } from './helpers/fault-matrix.js';

const STRATEGIES = ['main-thread', 'worker-pool', 'process-pool'];
const WORKERS = 2;

test('Math.max replaced at import: every cell gets the default heap limit and completes', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFaultOn('faults/math-max-at-import.js', STRATEGIES, { extraArgs: ['--workers', String(WORKERS), '--quick'] });
  assertContainedOn(result, STRATEGIES, () => 'completed');
  assert.equal(result.run.config.maxHeapMb, defaultHeapMb(WORKERS), 'the heap limit every cell got');
});

/**
 * Fault matrix on Bun: a worker thread that dies of an uncaught throw. Bun's Web Worker 'error'
 * event carries the text Bun prints for it (the source lines around the throw, a caret, the
 * error, its frames); the cell's reason is the error alone, worded as on Node, on one line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strategyFacts } from '../runners/contract/strategies.js';
import { assertContainedOn, BUILT_IN_STRATEGIES, errorOf, runFaultOn } from './helpers/fault-matrix.js';
import { missingRuntime } from './helpers/round-trip.js';

const THREADED = BUILT_IN_STRATEGIES.filter((name) => strategyFacts(name)!.kind === 'thread');

test("on Bun, a worker thread's uncaught throw errors the cell with the error, not Bun's source snippet", {
  skip: process.platform !== 'linux' ? 'the fault matrix reads /proc (Linux)' : missingRuntime('bun'),
}, async () => {
  const result = await runFaultOn('faults/import-throws-off-main.js', THREADED, { extraArgs: ['--runtime', 'bun'] });
  assertContainedOn(
    result,
    THREADED,
    () => /^the suite failed to import in a worker thread: Error: fault-import: this module cannot load here$/,
  );
  for (const strategy of THREADED) assert.doesNotMatch(errorOf(result.faulty.get(strategy)), /\n/, `${strategy}: one line`);
});

/**
 * Fault matrix on Deno: a child process that dies of an uncaught throw. Deno prints
 * "error: Uncaught … Error: …" first, then the source line (which may read "throw new
 * Error(…)"), a caret and the frames; the cell's reason is the error line, not the source line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strategyFacts } from '../runners/contract/strategies.js';
import { assertContainedOn, BUILT_IN_STRATEGIES, errorOf, runFaultOn } from './helpers/fault-matrix.js';
import { missingRuntime } from './helpers/round-trip.js';

const FORKED = BUILT_IN_STRATEGIES.filter((name) => strategyFacts(name)!.kind === 'process');

test("on Deno, a child process's uncaught throw errors the cell with Deno's error line, not the source line", {
  skip: process.platform !== 'linux' ? 'the fault matrix reads /proc (Linux)' : missingRuntime('deno'),
}, async () => {
  const result = await runFaultOn('faults/import-throws-off-main.js', FORKED, { extraArgs: ['--runtime', 'deno'] });
  assertContainedOn(
    result,
    FORKED,
    () =>
      /^child process exited with code 1: error: Uncaught (\(in promise\) )?Error: the suite failed to import in a child process: Error: fault-import: this module cannot load here$/,
  );
  for (const strategy of FORKED) assert.doesNotMatch(errorOf(result.faulty.get(strategy)), /throw new/, `${strategy}: no source line`);
});

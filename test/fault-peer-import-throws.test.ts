/**
 * Fault matrix, peer pools: a suite that loads in the CLI and the cell but throws at import in
 * a worker errors every peer pool's cell with one line naming the import failure, and the run
 * goes on. Under tinypool the worker used to rethrow, and its 'error' event, when it came while
 * tinypool's destroy() waited for the worker's exit, threw inside tinypool ("emitter.removeListener
 * is not a function") and killed the cell about 1 run in 10 here: the cell's reason then named
 * the crash, not the import.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_STRATEGY_NAMES, peerPackageOf } from '../runners/contract/strategies.js';
import { assertContainedOn, errorOf, runFaultOn } from './helpers/fault-matrix.js';

const PEERS = ALL_STRATEGY_NAMES.filter((name) => peerPackageOf(name) !== undefined);
const REASON =
  /^the suite did not load in a worker: Error: the suite failed to import in a worker thread: Error: fault-import: this module cannot load here$/;

test("a suite that throws at import in a worker errors every peer pool's cell with the import failure", {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFaultOn('faults/import-throws-off-main.js', PEERS);
  // Exit 0: the healthy suite's cells completed (4 is for a run with nothing measured).
  assertContainedOn(result, PEERS, () => REASON);
  for (const strategy of PEERS) assert.doesNotMatch(errorOf(result.faulty.get(strategy)), /\n/, `${strategy}: one line`);
});

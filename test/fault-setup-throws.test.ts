/**
 * Fault matrix: a setup() that rejects errors every strategy's cell — bench's six and the three
 * peer pools — with one line naming setup(), where it failed and its error, as a failed import
 * is reported (a child's through its last stderr line); the rest of the run completes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_STRATEGY_NAMES, peerPackageOf, strategyFacts } from '../runners/contract/strategies.js';
import { assertContainedOn, BUILT_IN_STRATEGIES, errorOf, runFaultOn } from './helpers/fault-matrix.js';

const PEERS = ALL_STRATEGY_NAMES.filter((name) => peerPackageOf(name) === name);
const STRATEGIES = [...BUILT_IN_STRATEGIES, ...PEERS];
const CAUSE = 'TypeError: fault-setup: the dictionary is missing';

test("a setup() that rejects errors every strategy's cell with one line naming setup and the error", {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFaultOn('faults/setup-throws.js', STRATEGIES);
  assertContainedOn(result, STRATEGIES, (strategy) => {
    const kind = strategyFacts(strategy)!.kind;
    if (kind === 'main') return new RegExp(`^setup\\(\\) failed in the main thread: ${CAUSE}$`);
    if (kind === 'process') return new RegExp(`^child process exited with code 1: Error: setup\\(\\) failed in a child process: ${CAUSE}$`);
    return new RegExp(`^setup\\(\\) failed in a worker thread: ${CAUSE}$`);
  });
  for (const strategy of STRATEGIES) assert.doesNotMatch(errorOf(result.faulty.get(strategy)), /\n/, `${strategy}: one line`);
});

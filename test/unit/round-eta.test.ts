import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASELINE_STRATEGY, PROCESS_POOL, STRATEGY_FACTS, type StrategyName } from '../../runners/contract/strategies.js';
import type { PlannedRound } from '../../runners/orchestrate/plan.js';
import { RoundEta } from '../../runners/orchestrate/round-eta.js';

const perTask = (kind: string): StrategyName =>
  (Object.keys(STRATEGY_FACTS) as StrategyName[]).find(
    (name) => STRATEGY_FACTS[name].perTask === true && STRATEGY_FACTS[name].kind === kind,
  )!;
const round = (strategy: string, n: number): PlannedRound => ({
  key: { scenario: 'batch', suite: 'fib', size: 30, strategy, runtime: 'node', workers: 2 },
  suiteUrl: 'file:///fib.js',
  round: n,
});

test("each round to come is predicted from its own cell's rounds, not the mean of all", () => {
  const slow = perTask('process');
  const eta = new RoundEta([round(BASELINE_STRATEGY, 1), round(slow, 1), round(BASELINE_STRATEGY, 2), round(slow, 2)]);
  assert.equal(eta.estimate(), undefined, 'nothing timed yet');
  eta.finished(round(BASELINE_STRATEGY, 1), 1000);
  assert.deepEqual(eta.estimate(), { ms: 3000, rough: true }, 'the per-task cell is untimed: a rough guess from what is known');
  eta.finished(round(slow, 1), 8000);
  assert.deepEqual(eta.estimate(), { ms: 9000, rough: false }, 'one cheap and one dear round to come, each at its own cost');
});

test('an untimed cell is predicted from a cell like it: per-task from per-task, pool from pool', () => {
  const eta = new RoundEta([round(perTask('thread'), 1), round(PROCESS_POOL, 1), round(perTask('process'), 1)]);
  eta.finished(round(perTask('thread'), 1), 6000);
  eta.finished(round(PROCESS_POOL, 1), 1000);
  assert.deepEqual(eta.estimate(), { ms: 6000, rough: true });
});

test('rounds redone so far are expected to go on at the same share', () => {
  const eta = new RoundEta([round(BASELINE_STRATEGY, 1), round(BASELINE_STRATEGY, 2), round(BASELINE_STRATEGY, 3)]);
  eta.finished(round(BASELINE_STRATEGY, 1), 1000);
  eta.finished(round(BASELINE_STRATEGY, 2), 1000);
  eta.add([round(BASELINE_STRATEGY, 2)], true);
  // Two rounds to come (round 3 and the redo); one redone in two finished, shrunk by the one
  // cell's block: a third of the rounds to come are expected to be measured again.
  assert.deepEqual(eta.estimate(), { ms: 3000, rough: false });
});

/**
 * Before a cell unlike any timed one has run, its rounds are predicted from what they will do
 * (study/estimate.ts: start costs, phase budgets, the tasks a phase runs at least), scaled by
 * how the timed rounds compared with their own estimates: the first ETA no longer depends on
 * whether the shuffled first block ran a pool or a per-task strategy first.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BatchCellKey } from '../../runners/contract/results.js';
import { BUSY_MACHINE_POOL, STRATEGY_FACTS, type StrategyName } from '../../runners/contract/strategies.js';
import type { PlannedRound } from '../../runners/orchestrate/plan.js';
import { RoundEta } from '../../runners/orchestrate/round-eta.js';

const perTask = (kind: string): StrategyName =>
  (Object.keys(STRATEGY_FACTS) as StrategyName[]).find(
    (name) => STRATEGY_FACTS[name].perTask === true && STRATEGY_FACTS[name].kind === kind,
  )!;
const round = (strategy: string, n: number, runtime: BatchCellKey['runtime'] = 'node'): PlannedRound => ({
  key: { scenario: 'batch', suite: 'fib', size: 30, strategy, runtime, workers: 2 },
  suiteUrl: 'file:///fib.js',
  round: n,
});
// A per-task round estimated at three times a pool's.
const estimateOf = (key: BatchCellKey): number => (STRATEGY_FACTS[key.strategy as StrategyName].perTask ? 3000 : 1000);

test('an untimed per-task cell takes its estimate, scaled as the timed pool round compared with its own', () => {
  const planned = [round(BUSY_MACHINE_POOL, 1), round(perTask('process'), 1), round(BUSY_MACHINE_POOL, 2), round(perTask('process'), 2)];
  const estimated = new RoundEta(planned, estimateOf);
  const plain = new RoundEta(planned);
  for (const eta of [estimated, plain]) eta.finished(planned[0]!, 1200);
  // The pool took 1.2× its estimate: each per-task round is expected at 1.2 × 3000.
  assert.deepEqual(estimated.estimate(), { ms: 1200 + 2 * 3600, rough: true });
  assert.deepEqual(plain.estimate(), { ms: 3 * 1200, rough: true }, 'without estimates: every round like the pool’s');
});

test('the scale comes from rounds on the same runtime where there are some', () => {
  const planned = [round(BUSY_MACHINE_POOL, 1), round(BUSY_MACHINE_POOL, 1, 'bun'), round(perTask('thread'), 1, 'bun')];
  const eta = new RoundEta(planned, estimateOf);
  eta.finished(planned[0]!, 2000);
  eta.finished(planned[1]!, 500);
  assert.deepEqual(eta.estimate(), { ms: 1500, rough: true }, 'bun ran at half its estimates: 0.5 × 3000');
});

test('a timed cell like the untimed one still comes first: measured beats estimated', () => {
  const planned = [round(perTask('thread'), 1), round(BUSY_MACHINE_POOL, 1), round(perTask('thread'), 2)];
  const eta = new RoundEta(planned, estimateOf);
  eta.finished(planned[0]!, 2000);
  eta.finished(planned[1]!, 1000);
  assert.deepEqual(eta.estimate(), { ms: 2000, rough: false });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planRounds } from '../../runners/orchestrate/plan.js';
import { workersFor } from '../../runners/contract/strategies.js';
import { defaultWorkersList, sizeSweep } from '../../runners/orchestrate/study/run-study.js';

test('a workers study plans every count for each pool and one main-thread cell, all interleaved per round', () => {
  const counts = [1, 2, 3, 4];
  const plan = planRounds(
    [{ name: 'fib', url: 'file:///fib.js', size: 30 }],
    ['main-thread', 'worker-pool'],
    (strategy) => counts.map((n) => workersFor(strategy, n)),
    ['node'],
    2,
  );
  const round = (r: number) =>
    plan
      .filter((p) => p.round === r)
      .map((p) => `${p.key.strategy}×${p.key.workers}`)
      .sort();
  assert.deepEqual(round(1), ['main-thread×1', 'worker-pool×1', 'worker-pool×2', 'worker-pool×3', 'worker-pool×4']);
  assert.deepEqual(round(2), round(1));
  assert.equal(plan.length, 10);
});

test('a size study is one planned suite per size; the default worker counts run from 1 past the cores', () => {
  const plan = planRounds(
    sizeSweep({ name: 'fib', url: 'file:///fib.js' }, [20, 24]),
    ['main-thread', 'worker-pool'],
    (s) => workersFor(s, 2),
    ['node'],
    1,
  );
  assert.deepEqual(
    plan.map((p) => `${p.key.size}:${p.key.strategy}`),
    ['20:main-thread', '20:worker-pool', '24:main-thread', '24:worker-pool'],
  );
  assert.deepEqual(defaultWorkersList(2), [1, 2, 3, 4]);
  const big = defaultWorkersList(16);
  assert.equal(big[0], 1);
  assert.ok(big.includes(16) && big.at(-1) === 32, big.join(','));
});

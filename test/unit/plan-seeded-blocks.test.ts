/**
 * Rounds run in blocks: block r is round r of every cell of a suite and runtime, back to back,
 * in a seeded shuffle that changes from block to block and comes back with the same seed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planRounds } from '../../runners/orchestrate/plan.js';

const strategies = ['main-thread', 'worker-per-task', 'worker-pool', 'shared-memory', 'process-per-task', 'process-pool'];
const plan = (seed: number | undefined, rounds = 8) =>
  planRounds(
    [{ name: 'fib', url: 'file:///fib.js', size: 20 }],
    strategies,
    () => 2,
    ['node'],
    rounds,
    () => [],
    seed,
  );
const orderOf = (rounds: ReturnType<typeof plan>, round: number) => rounds.filter((p) => p.round === round).map((p) => p.key.strategy);

test('each block holds every strategy once, its rounds together', () => {
  const rounds = plan(7);
  for (let round = 1; round <= 8; round++) assert.deepEqual([...orderOf(rounds, round)].sort(), [...strategies].sort());
  assert.deepEqual(
    rounds.map((p) => p.round),
    rounds.map((p) => p.round).sort((a, b) => a - b),
    'no block starts before the previous one ends',
  );
});

test('the order changes from block to block, and the same seed plans it again', () => {
  const orders = new Set(Array.from({ length: 8 }, (_, i) => orderOf(plan(7), i + 1).join(',')));
  assert.ok(orders.size >= 6, `8 blocks of 6 strategies had only ${orders.size} distinct orders`);
  assert.deepEqual(plan(7), plan(7));
  assert.notDeepEqual(plan(7), plan(8));
  const firsts = new Set(Array.from({ length: 8 }, (_, i) => orderOf(plan(7), i + 1)[0]));
  assert.ok(firsts.size > 1, 'the same strategy ran first in every block');
});

test('a later block can be planned alone, numbered after the others', () => {
  const alone = planRounds(
    [{ name: 'fib', url: 'file:///fib.js', size: 20 }],
    strategies,
    () => 2,
    ['node'],
    1,
    () => [],
    7,
    9,
  );
  assert.deepEqual(
    alone,
    plan(7, 9).filter((p) => p.round === 9),
  );
});

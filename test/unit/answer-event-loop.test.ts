import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointAnswer } from '../../reports/decide/answer/point-answer.js';
import { BASELINE_STRATEGY, BUSY_MACHINE_POOL, PROCESS_POOL } from '../../runners/contract/strategies.js';
import { completedCell, figures } from '../fixtures/results-builder.js';

const cell = (strategy: string, tasksPerSec: number, loopP99Ms: number) =>
  completedCell(
    { suite: 'fib', size: 30, strategy, runtime: 'node', workers: strategy === BASELINE_STRATEGY ? 1 : 2 },
    figures(tasksPerSec, 1000 / tasksPerSec, 5, 12, loopP99Ms, null, 50, 0.002),
  );

test('the answer says how long the event loop stalled with the winner against with main-thread, where they differ', () => {
  const answer =
    pointAnswer([cell(BASELINE_STRATEGY, 100, 70), cell(BUSY_MACHINE_POOL, 191, 4), cell(PROCESS_POOL, 180, 5)], 2, 'fib(30)') ?? '';
  assert.match(answer, /worker-pool wins .*; the event loop stalls p99 4 ms with worker-pool vs 70 ms with main-thread/);
});

test('loop delays within a factor of two are not worth a clause', () => {
  const answer =
    pointAnswer([cell(BASELINE_STRATEGY, 100, 6), cell(BUSY_MACHINE_POOL, 191, 4), cell(PROCESS_POOL, 180, 5)], 2, 'fib(30)') ?? '';
  assert.match(answer, /worker-pool wins/);
  assert.doesNotMatch(answer, /event loop/);
});

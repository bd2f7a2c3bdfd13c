import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointAnswer } from '../../reports/decide/answer/point-answer.js';
import { BASELINE_STRATEGY, BUSY_MACHINE_POOL, PROCESS_POOL } from '../../runners/contract/strategies.js';
import { completedCell, figures } from '../fixtures/results-builder.js';

const cell = (strategy: string, tasksPerSec: number, peakRssMb: number) =>
  completedCell(
    { suite: 'fib', size: 30, strategy, runtime: 'node', workers: strategy === BASELINE_STRATEGY ? 1 : 2 },
    figures(tasksPerSec, 1000 / tasksPerSec, 5, 12, 5, null, peakRssMb, 0.002),
  );

test('the answer says how much more memory the winner takes than main-thread, where it is worth saying', () => {
  const answer =
    pointAnswer([cell(BASELINE_STRATEGY, 100, 61), cell(BUSY_MACHINE_POOL, 191, 84), cell(PROCESS_POOL, 180, 84)], 2, 'fib(30)') ?? '';
  assert.match(answer, /worker-pool wins .*; worker-pool takes 23 MiB more memory than main-thread \(peak RSS 84 vs 61 MiB\)/);
});

test('a few MiB over main-thread are not worth a clause', () => {
  const answer =
    pointAnswer([cell(BASELINE_STRATEGY, 100, 61), cell(BUSY_MACHINE_POOL, 191, 66), cell(PROCESS_POOL, 180, 66)], 2, 'fib(30)') ?? '';
  assert.match(answer, /worker-pool wins/);
  assert.doesNotMatch(answer, /more memory than main-thread/);
});

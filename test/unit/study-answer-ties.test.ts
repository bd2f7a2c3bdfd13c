import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointAnswer } from '../../reports/decide/answer/point-answer.js';
import { completedCell, figures } from '../fixtures/results-builder.js';

const cell = (strategy: string, tasksPerSec: number, spread: number, rssMb: number) =>
  completedCell(
    { suite: 'fib', size: 30, strategy, runtime: 'node', workers: strategy === 'main-thread' ? 1 : 2 },
    figures(tasksPerSec, 1000 / tasksPerSec, 5, 12, 0.5, null, rssMb, spread),
  );

test("two strategies whose rounds' intervals overlap tie, whichever median is higher, and the memory difference is named", () => {
  const answer = pointAnswer(
    [cell('main-thread', 100, 0.02, 45), cell('worker-pool', 191, 0.03, 60), cell('process-pool', 188, 0.03, 140)],
    2,
    'fib(30)',
  );
  assert.match(answer ?? '', /^fib\(30\) on 2 cores: worker-pool and process-pool tie \(1\.91× vs 1\.88×, intervals overlap\)/);
  assert.match(answer ?? '', /worker-pool uses 80 MiB less memory than process-pool/);
});

test('the same medians with tight, separate intervals make a winner', () => {
  const answer = pointAnswer(
    [cell('main-thread', 100, 0.002, 45), cell('worker-pool', 191, 0.002, 60), cell('process-pool', 180, 0.002, 140)],
    2,
    'fib(30)',
  );
  assert.match(answer ?? '', /worker-pool wins \(1\.91×, ahead of process-pool \(1\.80×\) beyond the intervals\)/);
});

test('a strategy within main-thread\'s narrow interval does not "pay"', () => {
  // ±2.5 % intervals: the best the data allows is a 7 % gain, inside the ±10 % margin.
  const answer = pointAnswer([cell('main-thread', 100, 0.01, 45), cell('worker-per-task', 104, 0.01, 60)], 2, 'fib(30)');
  assert.match(answer ?? '', /no strategy beats main-thread beyond the intervals/);
});

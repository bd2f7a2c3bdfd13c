/**
 * When other load held the strategies' CPUs through the rounds, the answer says the figures
 * come from a busy machine, how much the load took, what was measured, and what the CPU
 * accounting predicts on idle cores, labelled as a prediction.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointAnswer } from '../../reports/decide/answer/point-answer.js';
import { simulateBlocks } from '../fixtures/simulated-blocks.js';
import { withCpu } from '../fixtures/round-cells.js';

const six = (value: number): number[] => Array.from({ length: 6 }, () => value);

test('a pool held to main-thread’s speed by other load: measured ≈1×, predicted 2 × 7.3 ÷ 7.6 on 2 idle cores', () => {
  const [main, pool] = simulateBlocks({ seed: 5, blocks: 6, rates: { 'main-thread': 120, 'worker-pool': 120 }, noise: 0.01 });
  const answer = pointAnswer([withCpu(main!, six(7.3), six(0.01)), withCpu(pool!, six(7.6), six(0.45))], 2, 'fib(30)', {
    firstLook: 6,
    maxBlocks: 6,
  });
  assert.match(answer ?? '', /^fib\(30\) on 2 cores, measured on a busy machine: /);
  assert.match(answer ?? '', /Other load held worker-pool's CPUs 45 % of the time it wanted one/);
  assert.match(answer ?? '', /it measured 1\.0\d×/);
  assert.match(answer ?? '', new RegExp(`predicts ≈ ${((2 * 7.3) / 7.6).toFixed(2)}× \\(a prediction`));
});

test('the same rounds with the load gone read as measured, without a prediction', () => {
  const [main, pool] = simulateBlocks({ seed: 5, blocks: 6, rates: { 'main-thread': 120, 'worker-pool': 230 }, noise: 0.01 });
  const answer = pointAnswer([withCpu(main!, six(7.3), six(0.01)), withCpu(pool!, six(7.6), six(0.01))], 2, 'fib(30)', {
    firstLook: 6,
    maxBlocks: 6,
  });
  assert.match(answer ?? '', /^fib\(30\) on 2 cores: worker-pool wins/);
  assert.doesNotMatch(answer ?? '', /busy|prediction/);
});

/**
 * A strategy faster than main-thread but measurably behind the leader is named with both
 * figures, not left out of the answer because two others could not be told apart.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pointAnswer } from '../../reports/decide/answer/point-answer.js';
import {
  BASELINE_STRATEGY,
  BUSY_MACHINE_POOL,
  PROCESS_POOL,
  STRATEGY_FACTS,
  type StrategyName,
} from '../../runners/contract/strategies.js';
import { simulateBlocks } from '../fixtures/simulated-blocks.js';

const sharedPool = (Object.keys(STRATEGY_FACTS) as StrategyName[]).find((name) => STRATEGY_FACTS[name].transport === 'shared-memory')!;

test('a pool behind two that tie is named as beating main-thread and trailing the leader', () => {
  const cells = simulateBlocks({
    seed: 2,
    blocks: 12,
    rates: { [BASELINE_STRATEGY]: 100, [BUSY_MACHINE_POOL]: 200, [sharedPool]: 196, [PROCESS_POOL]: 130 },
    noise: 0.08,
  });
  const answer = pointAnswer(cells, 2, 'fib(30)', { firstLook: 12, maxBlocks: 12 }) ?? '';
  assert.match(answer, /tie within/);
  const leaders = `(${BUSY_MACHINE_POOL}|${sharedPool})`;
  assert.match(
    answer,
    new RegExp(
      `${PROCESS_POOL} \\(1\\.\\d+× \\[[^\\]]+\\]\\) also beats ${BASELINE_STRATEGY} but trails ${leaders} \\(0\\.6\\d× \\[[^\\]]+\\] of its rate\\)`,
    ),
  );
});

test('a runner-up the answer already names is not named twice', () => {
  const cells = simulateBlocks({
    seed: 3,
    blocks: 12,
    rates: { [BASELINE_STRATEGY]: 100, [BUSY_MACHINE_POOL]: 200, [PROCESS_POOL]: 150 },
    noise: 0.04,
  });
  const answer = pointAnswer(cells, 2, 'fib(30)', { firstLook: 12, maxBlocks: 12 }) ?? '';
  assert.match(answer, new RegExp(`${BUSY_MACHINE_POOL} wins .*ahead of ${PROCESS_POOL}`));
  assert.doesNotMatch(answer, /also beats/);
});

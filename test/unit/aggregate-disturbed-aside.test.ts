/**
 * A disturbed round stays in the cell's file, under `disturbedRounds` with its reason, and out
 * of every figure: the cell's throughput is its other rounds' alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregateCell } from '../../runners/orchestrate/aggregate.js';
import { batchFigures } from '../../runners/common/batch-figures.js';
import { roundsCell } from '../fixtures/round-cells.js';

test("a redone round is kept aside with its reason and left out of the cell's figures", () => {
  const [first, slowed, second, third] = roundsCell('worker-pool', [200, 90, 205, 198]).rounds;
  const key = { scenario: 'batch' as const, suite: 'knob', size: 1, strategy: 'worker-pool', runtime: 'node' as const, workers: 2 };
  const counted = [first!, { ...second!, round: 2 }, { ...third!, round: 3 }];
  const cell = aggregateCell(key, [
    { round: 1, outcome: { ok: true, sample: first! } },
    { round: 2, outcome: { ok: true, sample: { ...slowed!, round: 2 } }, disturbed: 'interference 40 % > 5 %' },
    { round: 2, outcome: { ok: true, sample: counted[1]! } },
    { round: 3, outcome: { ok: true, sample: counted[2]! } },
  ]);
  assert.equal(cell.status, 'completed');
  if (cell.status !== 'completed' || cell.scenario !== 'batch') return;
  assert.deepEqual(cell.rounds, counted);
  assert.deepEqual(cell.throughput, batchFigures(counted).throughput);
  assert.deepEqual(cell.disturbedRounds, [{ ...slowed!, round: 2, disturbed: 'interference 40 % > 5 %' }]);
});

/**
 * The loader's check that figures agree with their rounds accepts every cell the writer
 * (aggregateCell) makes, whatever its rounds, and names the one figure a forger changed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregatesProblem } from '../../reports/aggregates-agree.js';
import type { CompletedCell, RoundSample } from '../../runners/contract/results.js';
import { aggregateCell } from '../../runners/orchestrate/aggregate.js';
import { nodeResults } from '../fixtures/results-node.js';

/** A deterministic spread of values: the same test every time, and no two rounds alike. */
const spread = (seed: number, count: number, scale: number): number[] =>
  Array.from({ length: count }, (_, i) => scale * (1 + (((seed * 7919 + i * 104_729) % 1000) / 1000) ** 3 * 4));

function round(index: number): RoundSample {
  const tasks = 50 + index * 13;
  const wallMs = 400 + ((index * 37) % 90);
  return {
    round: index,
    tasks,
    wallMs,
    tasksPerSec: tasks / (wallMs / 1000),
    latencySamplesMs: spread(index, 40 + index, 0.3),
    latencyMeanMs: 0.5 + index / 100,
    latencyCount: 500 + index,
    loadedLatencySamplesMs: spread(index + 50, 30, 1.2),
    eventLoopDelay: { p50Ms: 0.1 * index, p99Ms: 0.3 * index, maxMs: index, method: 'histogram' },
    startupSamplesMs: spread(index + 90, 2, 40),
    peakRssBytes: 50_000_000 + index * 1_000_003,
    verifiedOutputs: tasks,
    foreignCpuShare: 0,
  };
}

const key = { scenario: 'batch', suite: 'fib', size: 27, strategy: 'worker-pool', runtime: 'node', workers: 2 } as const;
const cellOf = (rounds: number): CompletedCell => {
  const cell = aggregateCell(
    key,
    Array.from({ length: rounds }, (_, i) => ({ round: i + 1, outcome: { ok: true, sample: round(i + 1) } })),
  );
  assert.ok(cell.status === 'completed' && cell.scenario === 'batch');
  return cell;
};

test('every cell the writer makes agrees with its rounds; a changed figure is named', () => {
  for (const rounds of [1, 2, 3, 5, 10]) {
    const cell = cellOf(rounds);
    assert.equal(aggregatesProblem({ ...nodeResults, cells: [cell] }), undefined, `${rounds} rounds`);
  }
  const forged = cellOf(3);
  forged.eventLoopDelay = { ...forged.eventLoopDelay, p99Ms: forged.eventLoopDelay.p99Ms * 3 };
  assert.match(
    aggregatesProblem({ ...nodeResults, cells: [forged] }) ?? '',
    /^cells\[0\]\.eventLoopDelay\.p99Ms is \S+ but its rounds give /,
  );
  const rate = cellOf(2);
  rate.rounds[1] = { ...rate.rounds[1]!, tasks: 5 };
  assert.match(
    aggregatesProblem({ ...nodeResults, cells: [rate] }) ?? '',
    /^cells\[0\]\.rounds\[1\]\.tasksPerSec is \S+ but its tasks and wallMs give /,
  );
});

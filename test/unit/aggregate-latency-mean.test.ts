/**
 * The unloaded mean is over every sample measured, not over the thinned samples stored:
 * thinning keeps the extremes, so 2,000 kept out of 200,000 would weigh the slowest task
 * a hundred times over.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aggregateCell } from '../../runners/orchestrate/aggregate.js';
import type { RoundSample } from '../../runners/contract/results.js';

const round = (index: number, meanMs: number, count: number): RoundSample => ({
  round: index,
  tasks: 10,
  wallMs: 10,
  tasksPerSec: 1000,
  // What thinning leaves of a long tail: the minimum, the median, the one slow outlier.
  latencySamplesMs: [0.001, 0.0015, 5],
  latencyMeanMs: meanMs,
  latencyCount: count,
  loadedLatencySamplesMs: [1],
  eventLoopDelay: { p50Ms: 0, p99Ms: 0, maxMs: 0, method: 'histogram' },
  startupSamplesMs: [],
  peakRssBytes: 1,
  verifiedOutputs: 10,
  foreignCpuShare: null,
});

test('the unloaded mean and count come from every sample of every round', () => {
  const key = { scenario: 'batch', suite: 's', size: 1, strategy: 'main-thread', runtime: 'node', workers: 1 } as const;
  const cell = aggregateCell(key, [
    { round: 1, outcome: { ok: true, sample: round(1, 0.002, 100_000) } },
    { round: 2, outcome: { ok: true, sample: round(2, 0.004, 300_000) } },
  ]);
  assert.equal(cell.status, 'completed');
  if (cell.status !== 'completed' || cell.scenario !== 'batch') return;
  assert.ok(Math.abs(cell.latency.meanMs - 0.0035) < 1e-12, `mean ${cell.latency.meanMs}`);
  assert.equal(cell.latency.count, 400_000);
  assert.equal(cell.latency.maxMs, 5, 'percentiles and max still come from the stored samples');
});

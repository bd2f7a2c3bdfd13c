/**
 * A history whose runs used different worker counts draws one trend line per count: a
 * pool measured with 2 workers one night and 8 the next is two lines, not a jump.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HistoryCell, HistoryEntry } from '../../reports/history.js';
import { buildTrendCharts } from '../../reports/charts/trend-chart.js';

const cell = (strategy: string, workers: number, tasksPerSec: number): HistoryCell => ({
  scenario: 'batch',
  suite: 'fib',
  size: 30,
  strategy,
  runtime: 'node',
  workers,
  fingerprint: 'vm',
  tasksPerSec,
  p50Ms: 5,
  p99Ms: 6,
});

const entry = (day: string, poolWorkers: number, poolRate: number): HistoryEntry => ({
  runId: `run-${day}`,
  date: `${day}T03:00:00.000Z`,
  commit: null,
  fingerprint: 'vm',
  cells: [cell('main-thread', 1, 180), cell('worker-pool', poolWorkers, poolRate)],
});

test('trend lines are split by worker count when the history holds several', () => {
  const history = [entry('2026-11-01', 2, 350), entry('2026-11-02', 2, 348), entry('2026-11-03', 8, 1300), entry('2026-11-04', 8, 1290)];
  const [chart] = buildTrendCharts(history);
  assert.ok(chart);
  const lines = Object.fromEntries(chart.config.data.datasets.map((d) => [d.label, d.data]));
  assert.deepEqual(lines, {
    'main-thread · 1 worker': [180, 180, 180, 180],
    'worker-pool · 2 workers': [350, 348, null, null],
    'worker-pool · 8 workers': [null, null, 1300, 1290],
  });
  // One count throughout: the label stays the strategy alone.
  const [steady] = buildTrendCharts(history.slice(0, 2).concat(entry('2026-11-03', 2, 351)));
  assert.deepEqual(
    steady?.config.data.datasets.map((d) => d.label),
    ['main-thread', 'worker-pool'],
  );
});

/**
 * A `bench http` results file gets charts of its own — requests/s, request latency,
 * /health latency and the server's event-loop delay — each bar the figure of its cell,
 * rendered to PNG like the batch charts.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { test } from 'node:test';
import { buildCharts } from '../../reports/charts/charts.js';
import { writePngCharts } from '../../reports/charts/png.js';
import type { HttpCompletedCell, RunResult } from '../../runners/contract/results.js';
import { makeTempDir } from '../fixtures/paths.js';
import { nodeResults } from '../fixtures/results-node.js';

const STRATEGIES: Array<[string, number, number]> = [
  ['main-thread', 180, 95],
  ['worker-pool', 323, 0.23],
  ['cluster', 344, 42],
];

function httpCell(strategy: string, perSec: number, healthP50Ms: number): HttpCompletedCell {
  const latencyMs = [55, 60, 61, 70, 110];
  return {
    scenario: 'http',
    suite: 'fib',
    size: 30,
    strategy,
    runtime: 'node',
    workers: strategy === 'main-thread' ? 1 : 2,
    status: 'completed',
    verified: true,
    requests: { perSec, ok: perSec * 10, total: perSec * 10, wallMs: 10_000 },
    latency: { meanMs: 71.2, p50Ms: 61, p90Ms: 70, p99Ms: 110, maxMs: 110, count: perSec * 10 },
    errors: { errors: 0, timeouts: 0, non2xx: 0, overloaded: 0, serverErrors: 0 },
    eventLoopDelay: { p50Ms: healthP50Ms, p99Ms: healthP50Ms * 1.1, maxMs: healthP50Ms * 2, method: 'histogram' },
    health: { p50Ms: healthP50Ms, p99Ms: healthP50Ms * 1.2, maxMs: healthP50Ms * 2, count: 100, failures: 0 },
    startupMs: strategy === 'main-thread' ? null : 25,
    memory: { peakRssBytes: 80 * 1024 * 1024 },
    server: { answered: perSec * 10, overloaded: 0, failed: 0, health: 100, verifiedOutputs: perSec * 10 },
    foreignCpuShare: null,
    samples: { latencyMs, healthMs: [healthP50Ms] },
  };
}

const httpRun: RunResult = {
  ...nodeResults,
  config: {
    ...nodeResults.config,
    scenario: 'http',
    suites: ['fib'],
    sizes: { fib: 30 },
    strategies: STRATEGIES.map(([s]) => s),
    http: {
      connections: 20,
      pipelining: 1,
      durationMs: 10_000,
      amount: null,
      warmupMs: 1000,
      healthProbe: true,
      healthIntervalMs: 10,
      maxQueue: 1024,
      requestTimeoutMs: 10_000,
    },
  },
  cells: STRATEGIES.map(([strategy, perSec, health]) => httpCell(strategy, perSec, health)),
  warnings: [],
};

test("an http results file gets its four charts, each bar its cell's figure", async (t) => {
  const { charts } = buildCharts([httpRun]);
  assert.deepEqual(
    charts.map((c) => c.id),
    ['fib-http-requests', 'fib-http-latency', 'fib-http-health', 'fib-http-event-loop'],
  );
  const bars = (id: string): Array<number | null> => charts.find((c) => c.id === id)!.config.data.datasets[0]!.data as Array<number | null>;
  assert.deepEqual(bars('fib-http-requests'), [180, 323, 344]);
  assert.deepEqual(bars('fib-http-health'), [95, 0.23, 42]);
  assert.match(charts[0]!.config.options.plugins?.subtitle?.text as string, /20 connections, 10 s window/);

  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const written = await writePngCharts(charts, dir);
  assert.deepEqual(
    written.map((path) => basename(path)),
    charts.map((c) => `${c.id}.png`),
  );
});

test('a report of a batch file and an http file keeps each chart to its own scenario', () => {
  const { charts } = buildCharts([nodeResults, httpRun]);
  const chart = (id: string) => charts.find((c) => c.id === id)!;
  const requests = chart('fib-http-requests').config.data;
  assert.deepEqual(requests.labels, ['main-thread', 'worker-pool', 'cluster'], 'no batch-only strategy marked "not run"');
  assert.equal(requests.datasets.length, 1, 'no empty batch series in the legend');
  const throughput = chart('fib-throughput').config.data;
  assert.ok(!throughput.labels.some((label) => String(label).includes('cluster')), 'no http-only strategy in a batch chart');
  assert.equal(throughput.datasets.length, 1);
});

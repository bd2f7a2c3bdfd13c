/**
 * A chart's strategy label says why a bar is missing, and for whom: "(skipped on bun)" when
 * only Bun's run skipped the strategy, "(skipped)" alone only when every series did. Before,
 * one runtime's skip read as every runtime's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCharts } from '../../reports/charts/charts.js';
import { strategiesFor } from '../../runners/contract/strategies.js';
import { bunResults } from '../fixtures/results-bun.js';
import { nodeResults } from '../fixtures/results-node.js';

const [, , pool, shared, perProcess] = strategiesFor('run');

function labelOf(results: Parameters<typeof buildCharts>[0], suite: string, strategy: string): string | string[] | undefined {
  const chart = buildCharts(results).charts.find((c) => c.suite === suite && c.kind === 'throughput');
  assert.ok(chart, `a ${suite} throughput chart`);
  return chart.config.data.labels.find((label) => (Array.isArray(label) ? label[0] : label) === strategy);
}

test('a strategy one runtime skipped or lost is marked for that runtime only', () => {
  const both = [nodeResults, bunResults];
  // sha256: Bun's run was interrupted before worker-pool; Node measured it.
  assert.deepEqual(labelOf(both, 'sha256', pool!), [pool, '(skipped on bun)']);
  // sort: process-per-task errored on Node only.
  assert.deepEqual(labelOf(both, 'sort', perProcess!), [perProcess, '(errored on node)']);
  // sha256: both skipped shared-memory: no names needed.
  assert.deepEqual(labelOf(both, 'sha256', shared!), [shared, '(skipped)']);
  // A strategy every series completed carries no status.
  assert.equal(labelOf(both, 'fib', pool!), pool);
});

test('with one series the status stands alone', () => {
  assert.deepEqual(labelOf([nodeResults], 'sort', perProcess!), [perProcess, '(errored)']);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunResult } from '../../runners/contract/results.js';
import { labelSeries } from '../../reports/charts/series.js';
import { nodeResults } from '../fixtures/results-node.js';

const variant = (change: (result: RunResult) => void): RunResult => {
  const copy = structuredClone(nodeResults);
  change(copy);
  return copy;
};

test('several results files are labelled by what tells them apart', () => {
  const node = { result: nodeResults, runtime: 'node' };
  assert.deepEqual(labelSeries([node]), ['node 20.20.2'], 'one series: its runtime');

  const node22 = variant((r) => {
    r.context.runtime.version = '22.11.0';
  });
  assert.deepEqual(labelSeries([node, { result: node22, runtime: 'node' }]), ['node 20.20.2', 'node 22.11.0']);

  const otherHost = variant((r) => {
    r.context.hostname = 'ci-runner-7';
  });
  assert.deepEqual(labelSeries([node, { result: otherHost, runtime: 'node' }]), ['bench-vm-1', 'ci-runner-7']);

  const rerun = variant((r) => {
    r.runId = 'second-run';
  });
  assert.deepEqual(labelSeries([node, { result: rerun, runtime: 'node' }]), [nodeResults.runId, 'second-run']);

  assert.deepEqual(labelSeries([node, node]), ['node 20.20.2 #1', 'node 20.20.2 #2'], 'the same file twice');

  // A cell in another runtime than the parent's: its version is not recorded, so none is shown.
  assert.deepEqual(labelSeries([node, { result: nodeResults, runtime: 'bun' }]), ['node 20.20.2', 'bun']);
});

/**
 * A merge keeps the top-level figures of its sources' runs beside their cells: what interrupted
 * an interrupted source (the merged file is incomplete, and says by what), and the processes
 * the harness reaped, summed where every source counted them (unknown where one did not).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateResults } from '../../reports/load-results.js';
import { mergeResults } from '../../reports/merge.js';
import type { RunResult } from '../../runners/contract/results.js';
import { bunResults } from '../fixtures/results-bun.js';
import { nodeResults } from '../fixtures/results-node.js';

const node: RunResult = { ...nodeResults, complete: true, reaped: 1 };
const bun: RunResult = { ...bunResults, complete: false, interruptedBy: 'SIGINT', reaped: 2 };

const merge = (runs: RunResult[]): RunResult =>
  validateResults(
    JSON.parse(
      JSON.stringify(
        mergeResults(
          runs.map((run, i) => ({ file: `${i}.json`, run })),
          'merged-run',
        ),
      ),
    ),
    'merged.json',
  );

test('a merge keeps what interrupted a source and sums the processes reaped', () => {
  const merged = merge([node, bun]);
  assert.equal(merged.complete, false);
  assert.equal(merged.interruptedBy, 'SIGINT');
  assert.equal(merged.reaped, 3);

  const { reaped: _, ...uncounted } = node;
  const partly = merge([uncounted, bun]);
  assert.equal('reaped' in partly, false, 'one source did not count: the sum is unknown, not understated');

  const { interruptedBy: __, ...finished } = bun;
  const clean = merge([node, { ...finished, complete: true }]);
  assert.equal(clean.complete, true);
  assert.equal('interruptedBy' in clean, false);
});

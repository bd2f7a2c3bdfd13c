/**
 * A merged file (two machines in one results file) reports each machine as itself: the
 * "Where this ran" table has a column per source run, and the speedup chart an ideal line
 * per machine from that machine's cores and workers, not the first source's.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCharts } from '../../reports/charts/charts.js';
import { renderHtml } from '../../reports/html/html.js';
import { mergeResults } from '../../reports/merge.js';
import type { RunResult } from '../../runners/contract/results.js';
import { nodeResults } from '../fixtures/results-node.js';

test('a merged file shows every machine in the context table and its own ideal speedup line', () => {
  const big: RunResult = {
    ...nodeResults,
    runId: 'big-run',
    context: { ...nodeResults.context, hostname: 'big-host', cpu: { model: 'AMD EPYC 9654', cores: 8 } },
    config: { ...nodeResults.config, workers: 8 },
    cells: nodeResults.cells.map((cell) => ({ ...cell, workers: cell.strategy === 'main-thread' ? 1 : 8 })),
  };
  const merged = mergeResults(
    [
      { file: 'vm.json', run: nodeResults },
      { file: 'big.json', run: big },
    ],
    'merged-run',
  );
  const set = buildCharts([merged]);

  const speedup = set.charts.find((chart) => chart.kind === 'speedup')!;
  const ideals = speedup.config.data.datasets.filter((dataset) => dataset.type === 'line').map((dataset) => dataset.label);
  assert.deepEqual(ideals, ['ideal: min(2 workers, 2 cores) = 2×', 'ideal: min(8 workers, 8 cores) = 8×']);

  const html = renderHtml([merged], set);
  const contextTable = html.slice(html.indexOf('<table id="context">'), html.indexOf('</table>', html.indexOf('<table id="context">')));
  for (const expected of ['bench-vm-1', 'big-host', 'AMD EPYC 9654', nodeResults.context.cpu.model, nodeResults.runId, 'big-run']) {
    assert.ok(contextTable.includes(expected), `the context table shows ${expected}`);
  }
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeResults } from '../../reports/merge.js';
import { buildSeries } from '../../reports/charts/series.js';
import { nodeResults } from '../fixtures/results-node.js';

test('a merged file draws one series per source machine, labelled by what differs', () => {
  const laptop = {
    ...nodeResults,
    runId: 'laptop-run',
    context: { ...nodeResults.context, hostname: 'laptop', cpu: { model: 'Apple M3', cores: 8 } },
  };
  const merged = mergeResults(
    [
      { file: 'vm.json', run: nodeResults },
      { file: 'laptop.json', run: laptop },
    ],
    'merged',
  );
  const series = buildSeries([merged]);
  assert.equal(series.length, 2, 'two machines, not one series holding both');
  assert.deepEqual(
    series.map((s) => s.label),
    [nodeResults.context.hostname, 'laptop'],
  );
  assert.equal(series[0]!.cells.length + series[1]!.cells.length, merged.cells.length);
  assert.equal(series[1]!.context.cpu.model, 'Apple M3');
});

/**
 * Results files from before transports were a choice name none: they still load, and a
 * cell without a transport is its strategy's default, so compare pairs it with a new cell
 * that names the default, merge refuses the two as one measurement twice, a cell with
 * another transport is a cell of its own, and history keeps the default on the old line.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { cellId } from '../runners/contract/cell-id.js';
import type { CellResult, RunResult } from '../runners/contract/results.js';
import { defaultTransportOf } from '../runners/contract/strategies.js';
import { loadResults } from '../reports/load-results.js';
import { MergeConflictError, mergeResults } from '../reports/merge.js';
import { historyEntry } from '../reports/history.js';
import { buildTrendCharts } from '../reports/charts/trend-chart.js';
import { DEFAULT_SETTINGS } from '../reports/decide/compare/compare-metric.js';
import { compareRuns, countVerdicts } from '../reports/decide/compare/compare.js';
import { nodeResults } from './fixtures/results-node.js';
import { tempDir } from './helpers/cli.js';

const withDefaults = (run: RunResult): RunResult => ({
  ...run,
  runId: 'with-transports',
  cells: run.cells.map((cell): CellResult => ({ ...cell, transport: defaultTransportOf(cell.strategy)! })),
});

test('a file without transports loads, and compare pairs its cells with cells that name the default', async (t) => {
  const dir = tempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const oldFile = join(dir, 'old.json');
  writeFileSync(oldFile, JSON.stringify(nodeResults));
  const old = await loadResults(oldFile);
  assert.ok(
    old.cells.every((cell) => cell.transport === undefined),
    'the fixture predates transports',
  );

  const current = withDefaults(nodeResults);
  const comparison = compareRuns(
    { file: oldFile, run: old },
    { file: 'new.json', run: current },
    { ...DEFAULT_SETTINGS, normalize: false },
  );
  const counts = countVerdicts(comparison.cells);
  assert.equal(counts.new, 0, 'no cell is new');
  assert.equal(counts.missing, 0, 'no cell is missing');
  assert.equal(comparison.cells.length, old.cells.length);
  for (const cell of old.cells) assert.equal(cellId(cell), cellId({ ...cell, transport: defaultTransportOf(cell.strategy)! }));
});

test('merge sees an old cell and its default-transport twin as one measurement; another transport is another cell', () => {
  assert.throws(
    () =>
      mergeResults(
        [
          { file: 'old.json', run: nodeResults },
          { file: 'new.json', run: withDefaults(nodeResults) },
        ],
        'merged',
      ),
    MergeConflictError,
  );
  const pool = nodeResults.cells.find((cell) => cell.strategy === 'worker-pool')!;
  const cloned: RunResult = { ...nodeResults, runId: 'cloned', cells: [{ ...pool, transport: 'clone' }] };
  const merged = mergeResults(
    [
      { file: 'old.json', run: nodeResults },
      { file: 'clone.json', run: cloned },
    ],
    'merged',
  );
  assert.equal(merged.cells.length, nodeResults.cells.length + 1);
  const comparison = compareRuns(
    { file: 'old.json', run: nodeResults },
    { file: 'clone.json', run: cloned },
    { ...DEFAULT_SETTINGS, normalize: false },
  );
  assert.equal(comparison.cells.find((cell) => cell.transport === 'clone')?.verdict, 'new');
});

test('history keeps the default transport on the old line and draws another transport apart', () => {
  const pool = nodeResults.cells.find((cell) => cell.strategy === 'worker-pool' && cell.status === 'completed')!;
  const runs = ['2026-11-01', '2026-11-02', '2026-11-03'].map((day, i) => ({
    ...(i === 0 ? nodeResults : withDefaults(nodeResults)),
    runId: day,
    createdAt: `${day}T00:00:00.000Z`,
    cells: [...(i === 0 ? nodeResults : withDefaults(nodeResults)).cells, ...(i === 2 ? [{ ...pool, transport: 'clone' }] : [])],
  }));
  const charts = buildTrendCharts(runs.map(historyEntry));
  const chart = charts.find((c) => c.suite === pool.suite);
  assert.ok(chart, `a trend chart for ${pool.suite}`);
  const labels = chart.config.data.datasets.map((d) => d.label);
  assert.equal(labels.filter((label) => label === 'worker-pool').length, 1, labels.join(', '));
  assert.ok(labels.includes('worker-pool (clone)'), labels.join(', '));
  const line = chart.config.data.datasets.find((d) => d.label === 'worker-pool')!;
  assert.equal(line.data.filter((v) => v !== null).length, 3, 'the old run and the two new ones on one line');
});

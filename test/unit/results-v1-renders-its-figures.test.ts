/**
 * A v1 results file, as the harness wrote it before schema v2, still loads, and the report
 * drawn from it shows the file's own figures: every chart bar and every table row is the
 * figure stored in the cell it is about.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCharts } from '../../reports/charts/charts.js';
import { renderHtml } from '../../reports/html/html.js';
import { loadResults } from '../../reports/load-results.js';
import type { CellResult } from '../../runners/contract/results.js';
import { V1_HTTP, V1_RUN } from '../fixtures/results-v1.js';

/** Per chart kind, the figure its bars take from a completed cell. */
const BAR_FIGURE: Record<string, (cell: CellResult) => number | null | undefined> = {
  throughput: (c) => (c.status === 'completed' && c.scenario === 'batch' ? c.throughput.tasksPerSec : undefined),
  'latency-unloaded': (c) => (c.status === 'completed' && c.scenario === 'batch' ? c.latency.p50Ms : undefined),
  startup: (c) => (c.status === 'completed' ? c.startupMs : undefined),
  'http-requests': (c) => (c.status === 'completed' && c.scenario === 'http' ? c.requests.perSec : undefined),
  'http-latency': (c) => (c.status === 'completed' && c.scenario === 'http' ? c.latency.p50Ms : undefined),
};

/** Figures the table shows of a completed cell (its `data-sort` holds the raw value). */
function tableFigures(cell: CellResult): number[] {
  if (cell.status !== 'completed') return [];
  if (cell.scenario === 'http') return [cell.requests.perSec, cell.latency.p50Ms, cell.latency.p99Ms, cell.eventLoopDelay.p99Ms];
  return [
    cell.throughput.tasksPerSec,
    cell.throughput.ci95[0],
    cell.throughput.ci95[1],
    cell.latency.meanMs,
    cell.latency.p50Ms,
    cell.latency.p99Ms,
    cell.loadedLatency.p50Ms,
    cell.loadedLatency.p99Ms,
    cell.eventLoopDelay.p99Ms,
  ];
}

for (const [what, file] of [
  ['bench run', V1_RUN],
  ['bench http', V1_HTTP],
] as const) {
  test(`a v1 ${what} file renders each cell's own figures in the charts and the table`, async () => {
    const run = await loadResults(file);
    assert.equal(run.schemaVersion, 2, 'migrated on load');
    const set = buildCharts([run]);
    const checked = set.charts.filter((chart) => Object.hasOwn(BAR_FIGURE, chart.kind));
    assert.ok(checked.length > 0, `charts of the kinds checked: ${set.charts.map((c) => c.id).join(', ')}`);
    for (const chart of checked) {
      const bars = chart.config.data.datasets.find((dataset) => dataset.type === 'bar');
      assert.ok(bars, `${chart.id} has bars`);
      chart.config.data.labels.forEach((label, i) => {
        const cell = run.cells.find((c) => c.suite === chart.suite && c.strategy === label);
        assert.ok(cell, `${chart.id}: a cell for ${String(label)}`);
        assert.equal(bars.data[i], BAR_FIGURE[chart.kind]!(cell) ?? null, `${chart.id}, ${String(label)}`);
      });
    }

    const html = renderHtml([run], set, []);
    // A batch file's cells are in #cells, an HTTP file's in #http-cells.
    const rows = html.slice(html.indexOf('<h2>Every cell</h2>')).split('<tr').slice(2);
    for (const cell of run.cells) {
      const row = rows.find((r) => r.includes(`>${cell.suite}<`) && r.includes(`>${cell.strategy}<`));
      assert.ok(row, `a table row for ${cell.suite} × ${cell.strategy}`);
      assert.ok(row.includes(`>${cell.status}<`), `${cell.strategy}: status ${cell.status}`);
      for (const figure of tableFigures(cell)) assert.ok(row.includes(`data-sort="${figure}"`), `${cell.strategy}: ${figure} in its row`);
    }
  });
}

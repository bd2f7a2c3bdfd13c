/**
 * The HTML report of a `bench http` file tabulates its cells' own figures — req/s, request
 * latency, the server's event-loop delay, peak RSS — in a table of its own; the batch table's
 * columns read nothing from such cells and showed only dashes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCharts } from '../../reports/charts/charts.js';
import { renderHtml } from '../../reports/html/html.js';
import { loadResults } from '../../reports/load-results.js';
import { V1_HTTP } from '../fixtures/results-v1.js';

test("an HTTP file's cell table shows each cell's req/s, latency, event-loop delay and peak RSS", async () => {
  const run = await loadResults(V1_HTTP);
  const html = renderHtml([run], buildCharts([run]), []);
  assert.ok(!html.includes('<table id="cells"'), 'no batch table of dashes');
  const start = html.indexOf('<table id="http-cells"');
  assert.ok(start > 0, 'an HTTP cell table');
  const table = html.slice(start, html.indexOf('</table>', start));
  const rows = table.split('<tr').slice(3);
  const completed = run.cells.flatMap((cell) => (cell.status === 'completed' && cell.scenario === 'http' ? [cell] : []));
  assert.ok(completed.length > 0);
  for (const cell of completed) {
    const row = rows.find((r) => r.includes(`>${cell.strategy}<`));
    assert.ok(row, `a row for ${cell.strategy}`);
    for (const [what, figure] of [
      ['req/s', cell.requests.perSec],
      ['latency p50', cell.latency.p50Ms],
      ['latency p99', cell.latency.p99Ms],
      ['event-loop p99', cell.eventLoopDelay.p99Ms],
      ['peak RSS MiB', cell.memory.peakRssBytes / 1024 / 1024],
    ] as const) {
      assert.ok(row.includes(`data-sort="${figure}"`), `${cell.strategy}: ${what} ${figure} in its row`);
    }
  }
});

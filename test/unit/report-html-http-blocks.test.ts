/**
 * The HTML report shows what `bench http` prints below its table: each runtime's server alone
 * (GET /noop) and, for --workers-list, requests/s against workers; before, the figures were in
 * the file and on the terminal only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCharts } from '../../reports/charts/charts.js';
import { renderHtml } from '../../reports/html/html.js';
import { BASELINE_STRATEGY, BUSY_MACHINE_POOL } from '../../runners/contract/strategies.js';
import { httpCell, httpNoop, httpRun } from '../fixtures/http-results.js';

const cell = (strategy: string, workers: number, perSec: number) =>
  httpCell({ runtime: 'bun', strategy, workers, perSec, p99Ms: 40, healthP99Ms: 2 });

const section = (html: string): string => {
  const start = html.indexOf('<section id="http">');
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
};

test('an HTTP file with a workers list shows the server alone and req/s at each worker count', () => {
  const run = httpRun([cell(BASELINE_STRATEGY, 1, 1.69), cell(BUSY_MACHINE_POOL, 1, 1.52), cell(BUSY_MACHINE_POOL, 4, 3.29)], {
    workersList: [1, 4],
    noop: [httpNoop('bun', 37_765)],
  });
  const http = section(renderHtml([run], buildCharts([run]), []));
  assert.match(http, /Server alone \(GET \/noop/);
  assert.match(http, /<td>bun<\/td><td class="num">37,765<\/td>/);
  assert.match(http, /Requests\/s against workers/);
  assert.match(
    http,
    new RegExp(
      `<td>${BUSY_MACHINE_POOL}</td><td class="num">1\\.52 \\(0\\.90×, p99 40(\\.0)?ms\\)</td><td class="num">3\\.29 \\(1\\.95×, p99 40(\\.0)?ms\\)</td><td class="num">1\\.95× at 4\\*</td>`,
    ),
  );
});

test('a file without either block has no HTTP section', () => {
  const run = httpRun([cell(BASELINE_STRATEGY, 1, 100), cell(BUSY_MACHINE_POOL, 2, 190)]);
  assert.equal(section(renderHtml([run], buildCharts([run]), [])), '');
});

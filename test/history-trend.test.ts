/**
 * `bench history append` adds one JSON line of medians per run (with commit and date),
 * once per run; the trend-chart builder turns the history into one line chart per suite,
 * a line per strategy, runs in date order, and the HTML report draws them.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseHistory } from '../reports/history.js';
import { writeReports } from '../reports/write-reports.js';
import { buildTrendCharts } from '../reports/charts/trend-chart.js';
import { nodeResults } from './fixtures/results-node.js';
import { runCli, tempDir } from './helpers/cli.js';

test('history lines per run feed one trend chart per suite', async (t) => {
  const dir = tempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const history = join(dir, 'history.jsonl');
  // Three nightly runs, appended out of date order; the middle one twice (a retried job).
  const runs = ['2025-11-22', '2025-11-20', '2025-11-21'].map((day, i) => {
    const file = join(dir, `${day}.json`);
    // Every round as much faster (the same tasks in less time): the loader refuses figures their rounds contradict.
    const k = 1 + i / 10;
    const cells = nodeResults.cells.map((cell) =>
      cell.status === 'completed' && cell.scenario === 'batch'
        ? {
            ...cell,
            throughput: {
              tasksPerSec: cell.throughput.tasksPerSec * k,
              ci95: [cell.throughput.ci95[0] * k, cell.throughput.ci95[1] * k],
              rounds: cell.throughput.rounds.map((rate) => rate * k),
            },
            rounds: cell.rounds.map((round) => ({ ...round, tasksPerSec: round.tasksPerSec * k, wallMs: round.wallMs / k })),
          }
        : cell,
    );
    writeFileSync(
      file,
      JSON.stringify({
        ...nodeResults,
        runId: `run-${day}`,
        createdAt: `${day}T03:17:00.000Z`,
        context: { ...nodeResults.context, commit: `${i}`.repeat(40) },
        cells,
      }),
    );
    return file;
  });
  for (const args of [[runs[0]!, runs[1]!], [runs[1]!], [runs[2]!]]) {
    const result = await runCli(['history', 'append', ...args, '--file', history]);
    assert.equal(result.code, 0, result.stderr);
  }

  const entries = parseHistory(readFileSync(history, 'utf8'), history);
  assert.deepEqual(
    entries.map((entry) => entry.runId),
    ['run-2025-11-22', 'run-2025-11-20', 'run-2025-11-21'],
    'each run once',
  );
  const completed = nodeResults.cells.filter((cell) => cell.status === 'completed' && cell.scenario === 'batch');
  assert.equal(entries[0]!.cells.length, completed.length, 'completed cells only');
  assert.equal(entries[0]!.commit, '0'.repeat(40));

  const charts = buildTrendCharts(entries);
  assert.deepEqual(
    charts.map((chart) => chart.suite),
    ['fib', 'sort', 'sha256'],
  );
  const fib = charts[0]!;
  assert.equal(fib.config.type, 'line');
  assert.deepEqual(fib.config.data.labels, ['2025-11-20 03:17 · 1111111', '2025-11-21 03:17 · 2222222', '2025-11-22 03:17 · 0000000']);
  const pool = fib.config.data.datasets.find((dataset) => dataset.label === 'worker-pool');
  const base = completed.find((cell) => cell.suite === 'fib' && cell.strategy === 'worker-pool');
  assert.ok(pool && base?.status === 'completed' && base.scenario === 'batch');
  assert.deepEqual(
    pool.data,
    [1.1, 1.2, 1].map((k) => base.throughput.tasksPerSec * k),
    'medians in date order',
  );
  assert.equal(fib.config.data.datasets[0]!.label, 'main-thread', 'strategies in the palette order');
  assert.deepEqual(buildTrendCharts(entries.slice(0, 1)), [], 'one run is no trend');

  const htmlPath = join(dir, 'report.html');
  await writeReports([nodeResults], { htmlPath, history: entries });
  const html = readFileSync(htmlPath, 'utf8');
  assert.match(html, /<h2>Trends<\/h2>/);
  for (const chart of charts) assert.ok(html.includes(`id="chart-${chart.id}"`), `a canvas for ${chart.id}`);
  assert.ok(html.includes('"id":"trend-fib-27"'), 'its configuration in the chart data block');
  await writeReports([nodeResults], { htmlPath });
  assert.doesNotMatch(readFileSync(htmlPath, 'utf8'), /<h2>Trends<\/h2>/, 'no history, no trend section');
});

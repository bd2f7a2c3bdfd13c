/**
 * `bench study payload` on a tiny sweep: echo at two sizes over every transport of the
 * default strategies, one worker each, rounds carrying their payload figures, and a valid
 * study block (points for every transport, the memcpy reference, the answer) in the
 * results file, the terminal tables and the HTML report with its two charts.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CompletedCell } from '../runners/contract/results.js';
import type { PayloadRunResult } from '../runners/contract/payload-study.js';
import { payloadStudyOf } from '../reports/payload-of.js';
import { buildCharts } from '../reports/charts/charts.js';
import { readResults, runCli, tempDir } from './helpers/cli.js';

test('bench study payload writes a study block with a point per transport and size, tables and charts', async (t) => {
  const out = tempDir();
  t.after(() => rm(out, { recursive: true, force: true }));
  const result = await runCli(['study', 'payload', '--sizes', '1k,16k', '--rounds', '1', '--phase-time', '30', '--out', out]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /study payload: 2 payload sizes × 5 transports = 10 cells × 1 rounds = 10 cell rounds/);

  const run = readResults<PayloadRunResult>(out);
  const study = payloadStudyOf(run as never);
  assert.ok(study, 'a payload study block the reports can read');
  assert.equal(study.kind, 'payload');
  assert.deepEqual(study.sizes, [1024, 16_384]);
  assert.deepEqual(study.transports.map((s) => `${s.strategy}/${s.transport}`).sort(), [
    'process-pool/advanced',
    'process-pool/json',
    'shared-memory/shared-memory',
    'worker-pool/clone',
    'worker-pool/transfer',
  ]);
  for (const series of study.transports) {
    assert.deepEqual(
      series.points.map((p) => p.bytes),
      [1024, 16_384],
      `${series.transport}: ${series.missing.join('; ')}`,
    );
    for (const p of series.points) {
      assert.ok(p.roundTripMs > 0 && p.mbPerSec > 0 && p.runMs !== null && p.memcpyMbPerSec !== null, JSON.stringify(p));
      assert.ok(p.transportShare !== null && p.transportShare >= 0 && p.transportShare <= 1);
    }
  }
  assert.ok(typeof study.memcpyMbPerSec === 'number' && study.memcpyMbPerSec > 0);
  assert.equal(study.answer.length, 1);
  assert.match(study.answer[0]!, /^echo on node \d+\.\d+\.\d+: /);
  for (const cell of run.cells as CompletedCell[]) {
    assert.equal(cell.workers, 1, 'one worker: an unloaded round trip');
    assert.ok(cell.rounds[0]!.payload, 'each round carries its payload figures');
  }

  assert.match(result.stdout, /round trip of one task/);
  assert.match(result.stdout, /transfer +clone +shared-memory +json +advanced +memcpy ×2/);
  const charts = buildCharts([run as never]);
  assert.deepEqual(charts.studies.map((c) => c.kind).sort(), ['study-payload-rate', 'study-payload-round-trip']);
  assert.deepEqual(charts.charts, [], "the sweep's cells get no bar charts of their own");
  const html = readdirSync(out).find((name) => name.endsWith('.html'));
  assert.ok(html, 'the report beside the results');
  const page = readFileSync(join(out, html), 'utf8');
  assert.match(page, /Payload study: what moving the payload costs/);
  assert.match(page, /id="chart-study-payload-round-trip-echo"/);
});

/**
 * The HTML cell table shows each cell's CPU figures: median interference, CPU ms per task and
 * that against main-thread's, and how many disturbed rounds were redone (why, on hover).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCharts } from '../../reports/charts/charts.js';
import { renderCellTable } from '../../reports/html/html-table.js';
import type { CompletedCell } from '../../runners/contract/results.js';
import { cpu, roundsCell, runOf, STEADY, withCpu } from '../fixtures/round-cells.js';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Td {
  attributes: string;
  text: string;
}

/** The row of `strategy`, as a map from column header to its cell. */
function rowOf(html: string, strategy: string): Map<string, Td> {
  const heads = [...html.matchAll(/<th scope="col"[^>]*><button type="button">([^<]*)<\/button>/g)].map((m) => m[1]!);
  const row = html.split('\n').find((line) => line.startsWith('<tr>') && line.includes(`</span>${strategy}</td>`))!;
  const cells = [...row.matchAll(/<td([^>]*)>(.*?)<\/td>/g)].map((m) => ({ attributes: m[1]!, text: m[2]! }));
  return new Map(heads.map((head, i) => [head, cells[i]!]));
}

const sortValue = (td: Td | undefined): number => Number(/data-sort="([^"]*)"/.exec(td?.attributes ?? '')?.[1]);

const MAIN_CPU = [4.0, 4.2, 3.8, 4.0, 4.4];
const POOL_CPU = [4.6, 4.8, 4.5, 5.0, 4.7];
const POOL_INTERFERENCE = [0.12, 0.31, 0.25, 0.2, 0.18];

test('the cell table shows interference, CPU per task, its ratio to main-thread and the redone rounds', () => {
  const pool = withCpu(roundsCell('worker-pool', STEADY), POOL_CPU, POOL_INTERFERENCE);
  const run = runOf([
    withCpu(roundsCell('main-thread', STEADY), MAIN_CPU, [0, 0, 0, 0, 0]),
    { ...pool, disturbedRounds: [{ ...pool.rounds[2]!, cpu: cpu(6, 0.7), disturbed: 'interference 70 % > 5 %' }] },
    roundsCell('process-pool', STEADY),
  ]);
  const set = buildCharts([{ ...run, config: { ...run.config, disturbedAbove: 0.05 } }]);
  const html = renderCellTable(set.series, set.suites, set.palette);

  const worker = rowOf(html, 'worker-pool');
  const interference = median(POOL_INTERFERENCE) * 100;
  assert.ok(Math.abs(sortValue(worker.get('interference')) - interference) < 1e-9);
  assert.equal(worker.get('interference')?.text, `${interference.toFixed(0)} %`);
  assert.equal(sortValue(worker.get('ms/task')), median(POOL_CPU));
  assert.ok(Math.abs(sortValue(worker.get('× main-thread')) - median(POOL_CPU) / median(MAIN_CPU)) < 1e-9);
  assert.equal(worker.get('redone')?.text, '1');
  assert.match(worker.get('redone')?.attributes ?? '', /title="round 3: interference 70 % &gt; 5 %"/);

  const main = rowOf(html, 'main-thread');
  assert.equal(main.get('× main-thread')?.text, '1');
  assert.equal(main.get('interference')?.text, '0.0 %');
  assert.equal(main.get('redone')?.text, '0', 'the run looked for disturbed rounds and found none');

  const unmeasured = rowOf(html, 'process-pool');
  for (const head of ['interference', 'ms/task', '× main-thread']) assert.equal(unmeasured.get(head)?.text, '—', head);
});

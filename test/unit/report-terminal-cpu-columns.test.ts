/**
 * `bench run`'s table reads the rounds' CPU accounting: CPU per task against main-thread's
 * (work inflation), the median interference, and the rounds redone because another program
 * disturbed them. A file without the accounting keeps its old columns.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderTable } from '../../reports/terminal/table.js';
import type { CompletedCell } from '../../runners/contract/results.js';
import { cpu, roundsCell, runOf, STEADY, withCpu } from '../fixtures/round-cells.js';

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The table's row of `strategy`, as a map from column header to its text. */
function rowOf(table: string, strategy: string): Map<string, string> {
  const lines = table.split('\n');
  const header = lines.find((line) => line.startsWith('runtime'))!.split(/\s{2,}/);
  const row = lines.find((line) => line.split(/\s{2,}/)[1] === strategy)!.split(/\s{2,}/);
  return new Map(header.map((head, i) => [head, row[i]!]));
}

const MAIN_CPU = [2.0, 2.1, 1.9, 2.0, 2.2];
const MAIN_INTERFERENCE = [0, 0.002, 0, 0.001, 0];
const POOL_CPU = [2.1, 2.2, 2.08, 2.3, 2.12];
const POOL_INTERFERENCE = [0.3, 0.31, 0.35, 0.2, 0.32];

test('the table shows work inflation and median interference from the rounds, and the redone rounds', () => {
  const pool = withCpu(roundsCell('worker-pool', STEADY), POOL_CPU, POOL_INTERFERENCE);
  const disturbed = { ...pool.rounds[1]!, cpu: cpu(2.5, 0.6), disturbed: 'interference 60 % > 5 %' };
  const run = runOf([
    withCpu(roundsCell('main-thread', STEADY), MAIN_CPU, MAIN_INTERFERENCE),
    { ...pool, disturbedRounds: [disturbed] },
    roundsCell('process-pool', STEADY),
  ]);
  const table = renderTable(run);

  const main = rowOf(table, 'main-thread');
  assert.equal(main.get('CPU/task'), '1×');
  assert.equal(main.get('interf.'), `${Math.round(median(MAIN_INTERFERENCE) * 100)} %`);
  assert.equal(main.get('redone'), '0');

  const worker = rowOf(table, 'worker-pool');
  assert.equal(worker.get('CPU/task'), `${(median(POOL_CPU) / median(MAIN_CPU)).toFixed(2)}×`);
  assert.equal(worker.get('interf.'), `${Math.round(median(POOL_INTERFERENCE) * 100)} %`);
  assert.equal(worker.get('redone'), '1', 'the disturbed round counts, its 60 % stays out of the median');

  const unmeasured = rowOf(table, 'process-pool');
  assert.equal(unmeasured.get('CPU/task'), '—');
  assert.equal(unmeasured.get('interf.'), '—');

  const old = renderTable(runOf([roundsCell('main-thread', STEADY), roundsCell('worker-pool', STEADY)]));
  assert.doesNotMatch(old, /CPU\/task|interf\.|redone/, 'a file without CPU accounting keeps its columns');
});

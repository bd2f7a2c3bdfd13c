/**
 * The HTML report draws interference per round, redone rounds as their own points, only for
 * files whose rounds recorded it: an older file's report has no such chart.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCharts } from '../../reports/charts/charts.js';
import { renderHtml } from '../../reports/html/html.js';
import type { CompletedCell, RunResult } from '../../runners/contract/results.js';
import { roundsCell, runOf, STEADY } from '../fixtures/round-cells.js';

const INTERFERENCE = [0.01, 0.02, 0.4, 0.03, 0.01];

function withInterference(cell: CompletedCell, shares: number[]): CompletedCell {
  return {
    ...cell,
    rounds: cell.rounds.map((round, i) => ({
      ...round,
      cpu: { onCpuMs: 100, cpuMsPerTask: 1, foreignCpuMs: 0, threadOnCpuMs: 100, waitingMs: 0, threads: 3, interference: shares[i]! },
    })),
  };
}

interface Dataset {
  label: string;
  data: Array<{ x: number; y: number }>;
  pointStyle: string;
}

function chartsOf(run: RunResult): Array<{ id: string; config: { data: { datasets: Dataset[] } } }> {
  const html = renderHtml([run], buildCharts([run]));
  const json = /<script type="application\/json" id="bench-chart-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '[]';
  return JSON.parse(json);
}

test('interference is charted per round, redone rounds apart, only where the rounds recorded it', () => {
  const pool = withInterference(roundsCell('worker-pool', STEADY), INTERFERENCE);
  const redone = { ...pool.rounds[2]!, disturbed: 'interference 40 % > 5 %' };
  const kept = { ...redone, cpu: { ...redone.cpu!, interference: 0.02 } };
  const measured = runOf([
    withInterference(roundsCell('main-thread', STEADY), [0, 0, 0, 0, 0]),
    { ...pool, rounds: pool.rounds.map((r, i) => (i === 2 ? kept : r)), disturbedRounds: [redone] },
  ]);
  const charts = chartsOf(measured).filter((chart) => chart.id.startsWith('interference-'));
  assert.equal(charts.length, 1, 'one chart for the one suite and size');
  const datasets = charts[0]!.config.data.datasets;

  const pooled = datasets.find((d) => d.label === 'worker-pool')!;
  const expected = pool.rounds.map((r, i) => ({ x: r.round, y: (i === 2 ? 0.02 : INTERFERENCE[i]!) * 100 }));
  assert.deepEqual(pooled.data, expected);
  const disturbed = datasets.find((d) => d.label === 'worker-pool: redone (disturbed)')!;
  assert.deepEqual(disturbed.data, [{ x: redone.round, y: 40 }]);
  assert.notEqual(disturbed.pointStyle, pooled.pointStyle, 'a redone round is told apart from the kept ones');

  const old = runOf([roundsCell('main-thread', STEADY), roundsCell('worker-pool', STEADY)]);
  assert.equal(chartsOf(old).filter((chart) => chart.id.startsWith('interference-')).length, 0);
  assert.doesNotMatch(renderHtml([old], buildCharts([old])), /id="interference"/);
});

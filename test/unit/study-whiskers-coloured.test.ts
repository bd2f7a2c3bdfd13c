/**
 * A size study's whiskers (tasks/s and speedup against size) are drawn in their strategy's
 * colour, not black: where lines meet, a reader can still tell whose interval is whose.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Chart } from 'chart.js';
import { buildCharts } from '../../reports/charts/charts.js';
import { createChartPlugin, type DatasetExtras } from '../../reports/charts/chart-plugin.js';
import { sizeStudyResults } from '../fixtures/study-results.js';

test("every whiskered line of a size study carries its strategy's colour", () => {
  const set = buildCharts([sizeStudyResults()]);
  const charts = set.studies.filter((c) => c.kind === 'study-speedup' || c.kind === 'study-throughput');
  assert.equal(charts.length, 2);
  for (const chart of charts) {
    const whiskered = chart.config.data.datasets.filter((d) => d.whiskers !== undefined);
    assert.ok(whiskered.length > 0, `${chart.id} has whiskers`);
    for (const d of whiskered) assert.equal(d.whiskerColour, set.palette.colour(d.label), `${chart.id}: ${d.label}`);
  }
});

test('the chart plugin strokes a whisker in its dataset colour, and near-black without one', () => {
  const strokes: string[] = [];
  const ctx = {
    strokeStyle: '',
    lineWidth: 0,
    save() {},
    restore() {},
    beginPath() {},
    moveTo() {},
    lineTo() {},
    stroke() {
      strokes.push(this.strokeStyle);
    },
  };
  const point = { getProps: () => ({ x: 50, y: 50, width: Number.NaN, height: Number.NaN }) };
  const datasets: DatasetExtras[] = [{ whiskers: [[1, 3]], whiskerColour: '#1f77b4' }, { whiskers: [[1, 3]] }];
  const chart = {
    ctx,
    chartArea: { left: 0, right: 100, top: 0, bottom: 100 },
    options: {},
    data: { datasets },
    isDatasetVisible: () => true,
    getDatasetMeta: () => ({ xAxisID: 'x', yAxisID: 'y', data: [point] }),
    scales: { y: { type: 'linear', getPixelForValue: (v: number) => 100 - v * 10 } },
  } as unknown as Chart;
  const draw = createChartPlugin().afterDatasetsDraw as (chart: Chart) => void;
  draw(chart);
  assert.deepEqual(strokes, ['#1f77b4', '#1a1a1a']);
});

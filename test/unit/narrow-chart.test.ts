/**
 * On a phone the report draws each chart with narrowChart: bar charts turn horizontal (the
 * strategies down the side, names broken after a hyphen instead of rotated), titles wrap onto
 * lines of their own, the legend moves below the plot, and the box is as tall as the bars
 * need. The configuration it was given is left as it was (the page redraws from it on resize).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCharts } from '../../reports/charts/charts.js';
import { narrowChart, type NarrowConfig } from '../../reports/charts/narrow-chart.js';
import { bunResults } from '../fixtures/results-bun.js';
import { nodeResults } from '../fixtures/results-node.js';
import { sizeStudyResults } from '../fixtures/study-results.js';

const WIDTH = 360;

const chartOf = (results: Parameters<typeof buildCharts>[0], kind: string) => {
  const chart = buildCharts(results).charts.find((c) => c.kind === kind && c.suite === 'sort');
  assert.ok(chart, `a sort ${kind} chart`);
  return chart.config as unknown as NarrowConfig;
};

test('a bar chart turns horizontal with its names on short lines, its titles wrapped and its input untouched', () => {
  const config = chartOf([nodeResults], 'throughput');
  const before = structuredClone(config);
  const { config: narrow, height } = narrowChart(config, WIDTH);
  assert.deepEqual(config, before, 'the input is not changed');

  assert.equal(narrow.options?.indexAxis, 'y');
  assert.equal(narrow.options?.scales?.['x']?.type, before.options?.scales?.['y']?.type, 'the figure runs across');
  assert.equal(narrow.options?.scales?.['y']?.title?.display, false, 'the strategy axis needs no title');
  assert.equal(narrow.options?.scales?.['y']?.ticks?.maxRotation, 0, 'nothing rotated');
  const labels = narrow.data.labels ?? [];
  assert.equal(labels.length, before.data.labels?.length);
  for (const label of labels) {
    for (const line of Array.isArray(label) ? label : [label]) {
      assert.ok(line.length <= (line.startsWith('(') ? 18 : 12), `"${line}" is short enough for a phone`);
    }
  }
  const title = narrow.options?.plugins?.title?.text;
  assert.ok(Array.isArray(title) && title.length >= 1, 'the title is wrapped into lines');
  assert.ok(height >= 150 + 60, `room for a plot of at least 150 px under the titles: ${height}`);
});

test('a chart with two series per strategy gets a taller box than one with one', () => {
  const one = narrowChart(chartOf([nodeResults], 'throughput'), WIDTH).height;
  const two = narrowChart(chartOf([nodeResults, bunResults], 'throughput'), WIDTH);
  assert.ok(two.height > one, `${two.height} > ${one}`);
  assert.equal(two.config.options?.plugins?.legend?.position, 'bottom', 'the series legend goes below the plot');
});

test('a study chart stays a line chart in a taller box, legend below', () => {
  const [study] = buildCharts([sizeStudyResults()]).studies;
  assert.ok(study);
  const { config, height } = narrowChart(study.config as unknown as NarrowConfig, WIDTH);
  assert.equal(config.type, 'scatter');
  assert.equal(config.options?.indexAxis, undefined);
  assert.equal(config.options?.plugins?.legend?.position, 'bottom');
  assert.ok(height >= WIDTH * 0.75, `${height}`);
});

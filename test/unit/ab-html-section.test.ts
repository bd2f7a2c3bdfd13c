/**
 * `bench report` on an A/B results file: an A/B section with the verdicts and, per cell, a
 * strip chart of the pairs' ratios with the threshold band, in the page's chart data.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCharts } from '../../reports/charts/charts.js';
import { renderHtml } from '../../reports/html/html.js';
import { nodeResults } from '../fixtures/results-node.js';
import { abResults } from '../fixtures/ab-results.js';

interface ChartEntry {
  id: string;
  config: { type: string; data: { datasets: Array<{ label: string; data: Array<{ x: number | null; y: number | null }> }> } };
}

test('an ab block renders as a section with one strip chart per cell', () => {
  const results = [abResults()];
  const html = renderHtml(results, buildCharts(results));
  assert.match(html, /<section class="ab" id="ab-1">/);
  assert.match(html, /<h2>A\/B: 1 regressed, 1 unchanged<\/h2>/);
  assert.ok(!html.includes('<b>x</b>'), 'the suite name is escaped');

  const json = /<script type="application\/json" id="bench-chart-data">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '[]';
  const charts = (JSON.parse(json) as ChartEntry[]).filter((c) => c.id.startsWith('ab-'));
  assert.equal(charts.length, 2);
  for (const chart of charts) {
    assert.ok(html.includes(`<canvas id="chart-${chart.id}"`), `a canvas for ${chart.id}`);
    assert.equal(chart.config.type, 'scatter');
    const labels = chart.config.data.datasets.map((d) => d.label);
    assert.ok(labels.includes('±5 % threshold band'), labels.join(' | '));
    const band = chart.config.data.datasets.find((d) => d.label === '±5 % threshold band')!;
    assert.deepEqual(
      band.data.map((p) => p.y),
      [0.95, 0.95, null, 1.05, 1.05],
    );
    const points = chart.config.data.datasets.find((d) => d.label === 'throughput B ÷ A')!;
    assert.equal(points.data.length, 8, 'one point per pair');
  }
});

test('a file without an ab block gets no A/B section', () => {
  const html = renderHtml([nodeResults], buildCharts([nodeResults]));
  assert.ok(!html.includes('class="ab"'));
});

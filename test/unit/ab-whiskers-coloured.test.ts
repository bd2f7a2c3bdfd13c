/**
 * An A/B chart's two intervals (throughput and p50, side by side right of the pairs) are drawn
 * in their metric's colour, as its points, not black: a reader tells whose interval is whose.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildAbCharts } from '../../reports/charts/ab-charts.js';
import { abResults } from '../fixtures/ab-results.js';

test("each interval of an A/B chart carries its metric's colour", () => {
  const charts = buildAbCharts([abResults()]);
  assert.ok(charts.length > 0);
  for (const chart of charts) {
    const whiskered = chart.config.data.datasets.filter((d) => d.whiskers !== undefined);
    assert.equal(whiskered.length, 2, `${chart.id}: one interval per metric`);
    for (const d of whiskered) assert.equal(d.whiskerColour, d.backgroundColor, `${chart.id}: ${d.label}`);
    assert.notEqual(whiskered[0]!.whiskerColour, whiskered[1]!.whiskerColour);
  }
});

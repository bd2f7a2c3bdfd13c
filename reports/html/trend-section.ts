/**
 * The HTML report's "Trends" section: one canvas per trend chart (trend-chart.ts), drawn
 * by the report's own chart script from the same JSON block as every other chart. Empty
 * when there is no history, so reports without one look exactly as before.
 */
import { escapeHtml } from './html-escape.js';
import type { TrendChart } from '../charts/trend-chart.js';

export function renderTrendSection(trends: readonly TrendChart[]): string {
  if (trends.length === 0) return '';
  const figures = trends.map(
    (chart) =>
      `<figure><div class="chart-box"><canvas id="chart-${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(chart.title)}"></canvas></div></figure>`,
  );
  return `<h2>Trends</h2>\n<p class="muted">Median tasks/s of every run in the history, one line per strategy.</p>\n<div class="charts">${figures.join('\n')}</div>`;
}

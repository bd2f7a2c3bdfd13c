/**
 * The HTML report's interference section: the per-round interference charts
 * (charts/interference-chart.ts), drawn by the report's chart script from the same JSON block as
 * every other chart. Empty when no round recorded interference, so older files' reports look as before.
 */
import type { InterferenceChart } from '../charts/interference-chart.js';
import { escapeHtml } from './html-escape.js';

export function renderInterferenceSection(charts: readonly InterferenceChart[]): string {
  if (charts.length === 0) return '';
  const figures = charts.map(
    (chart) =>
      `<figure><div class="chart-box"><canvas id="chart-${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(chart.title)}"></canvas></div></figure>`,
  );
  return `<section id="interference">
<h2>Other programs on the machine: interference per round</h2>
<p class="muted">Each point is one round: the share of the time the strategy's threads wanted a CPU that other programs held it.
Crosses are rounds another program disturbed: kept here, left out of every figure, and measured again under the same round number.
The medians, CPU per task and the redone count are in the cell table ("CPU" columns).</p>
<div class="charts">${figures.join('\n')}</div>
</section>`;
}

/**
 * The HTML report's phase section (--phases): per cell, each phase's share of the task's
 * mean latency with its p50 and p99, for one task at a time and under load, and how the
 * phases were measured. The stacked charts (charts/phase-charts.ts) sit with the other
 * charts; this is their numbers. Empty when no cell was timed, so other reports look as before.
 */
import type { CellPhases, CompletedCell } from '../../runners/contract/results.js';
import type { ChartSet } from '../charts/charts.js';
import { PHASE_LEGEND, type PhaseView, phaseShares } from '../charts/phase-charts.js';
import { completed, type Series } from '../charts/series.js';
import { escapeHtml } from './html-escape.js';
import { formatNumber } from './html-table.js';

interface TimedCell {
  series: Series;
  cell: CompletedCell;
}

const METHOD = `Each task is stamped on one clock (<code>performance.timeOrigin + performance.now()</code>) in the cell and in
the worker or child that runs it; each worker and child pings the cell at start-up and corrects any skew the pings can prove
(a phase a residual skew would make negative is counted as 0, in the "clamped" column).
<strong>spawn</strong>: dispatched → its fresh worker or child ready (per-task strategies);
<strong>queue</strong>: submitted → dispatched (waiting for a free worker, slot or turn of the thread);
<strong>send</strong>: dispatched → the host starts <code>run()</code> (serialize, hand-off, wake-up, decode);
<strong>run</strong>: the suite's <code>run()</code>; <strong>return</strong>: <code>run()</code> returned → the output back and decoded in the cell.
main-thread sends nothing and spawns nothing; peer pools hide their queue and dispatch, so for them
<strong>queue + send</strong> is submitted → run start. "One task at a time" is the unloaded latency phase (the tasks of the
latency figures); "under load" is the saturated batch, where tasks wait their turn. Shares are of the mean latency, which the
phase means add up to; each figure is share · p50 / p99 in ms.`;

function phaseCell(phases: CellPhases, shares: Map<string, number>, name: (typeof PHASE_LEGEND)[number]['name']): string {
  const phase = phases[name];
  if (phase === null) return '<td class="num muted">—</td>';
  const share = shares.get(name) ?? 0;
  return `<td class="num">${escapeHtml(`${(share * 100).toFixed(share < 0.1 ? 1 : 0)} % · ${formatNumber(phase.p50)} / ${formatNumber(phase.p99)}`)}</td>`;
}

function phaseTable(timed: readonly TimedCell[], view: PhaseView, manySeries: boolean): string {
  const heads = PHASE_LEGEND.map(
    ({ label, colour }) => `<th><span class="swatch" style="background:${colour}"></span>${escapeHtml(label.replace(/ \(.*\)$/, ''))}</th>`,
  );
  const rows = timed.flatMap(({ series, cell }) => {
    const phases = cell[view];
    if (phases === undefined) return [];
    const shares = phaseShares(phases);
    return [
      `<tr>${manySeries ? `<td>${escapeHtml(series.label)}</td>` : ''}<td>${escapeHtml(cell.suite)}</td><td class="num">${escapeHtml(cell.size)}</td>` +
        `<td class="name">${escapeHtml(cell.strategy)}</td><td class="num">${escapeHtml(cell.workers)}</td><td class="num">${escapeHtml(phases.count)}</td>` +
        `<td class="num">${escapeHtml(formatNumber(phases.latencyMeanMs))}</td>${PHASE_LEGEND.map(({ name }) => phaseCell(phases, shares, name)).join('')}` +
        `<td class="num">${escapeHtml(phases.clamped)}</td></tr>`,
    ];
  });
  return (
    `<div class="table-scroll"><table class="phases phases-${view === 'phases' ? 'unloaded' : 'loaded'}"><thead><tr>${manySeries ? '<th>run</th>' : ''}` +
    `<th>suite</th><th>size</th><th>strategy</th><th>workers</th><th>tasks timed</th><th>mean latency (ms)</th>${heads.join('')}<th>clamped</th></tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table></div>`
  );
}

export function renderPhaseSection(set: ChartSet): string {
  const timed: TimedCell[] = set.series.flatMap((series) =>
    series.cells.flatMap((candidate) => {
      const cell = completed(candidate);
      return cell?.phases === undefined ? [] : [{ series, cell }];
    }),
  );
  if (timed.length === 0) return '';
  timed.sort((a, b) => a.series.index - b.series.index || set.palette.rank(a.cell.strategy) - set.palette.rank(b.cell.strategy));
  const many = set.series.length > 1;
  return `<section id="phases">
<h2>Where the time goes: phases of a task</h2>
<p class="muted">${METHOD}</p>
<h3>One task at a time</h3>
${phaseTable(timed, 'phases', many)}
<h3>Under load</h3>
${phaseTable(timed, 'loadedPhases', many)}
</section>`;
}

/**
 * The HTML report's section for each results file that holds a study: the answer in
 * words, the crossover or scaling table with the fits, and the study's charts (drawn by
 * the report's chart script from the same JSON block as every other chart). Empty for
 * files of `bench run`, so their reports look as before.
 */
import type { RunResult } from '../../runners/contract/results.js';
import type { Crossover, Scaling, Study } from '../../runners/contract/study.js';
import type { ChartSet } from '../charts/charts.js';
import { studyOf } from '../study-of.js';
import { formatCoefficient, formatFraction, formatRatio, formatSize, formatTaskMs } from '../format/study-format.js';
import { escapeHtml } from './html-escape.js';
import { formatNumber } from './html-table.js';

const td = (text: string, numeric = false): string => `<td${numeric ? ' class="num"' : ''}>${escapeHtml(text)}</td>`;

function rangeText(c: Crossover): string {
  if (c.range === null) return '—';
  const [low, high] = c.range;
  return `${low === null ? `below ${formatSize(c.ratios[0]?.size ?? 0)}` : formatSize(low)} – ${high === null ? `above ${formatSize(c.ratios.at(-1)?.size ?? 0)}` : formatSize(high)}`;
}

/** The crossover table's columns: its headings, and the labels its cells carry on a phone, where each row reads as a card. */
const CROSSOVER_HEADS = [
  'suite',
  'strategy',
  'runtime',
  'workers',
  'status',
  'pays from (size)',
  'main-thread task time there',
  '95 % range',
  'ratio to main-thread by size',
  'what it means',
] as const;

function crossoverTable(crossovers: readonly Crossover[]): string {
  // Names and figures stay whole (a column squeezed to "strateg y" reads as noise); the sentences wrap.
  const cell = (head: (typeof CROSSOVER_HEADS)[number], text: string, className: string): string =>
    `<td class="${className}" data-label="${escapeHtml(head)}">${escapeHtml(text)}</td>`;
  const rows = crossovers.map(
    (c) =>
      `<tr>${cell('suite', c.suite, 'name')}${cell('strategy', c.strategy, 'name')}${cell('runtime', c.runtime, 'name')}` +
      `${cell('workers', String(c.workers), 'num')}${cell('status', c.status, `name status-${escapeHtml(c.status)}`)}` +
      `${cell('pays from (size)', c.size === null ? '—' : formatSize(c.size), 'num')}` +
      `${cell('main-thread task time there', formatTaskMs(c.taskMs), 'num')}${cell('95 % range', rangeText(c), 'num')}` +
      `${cell('ratio to main-thread by size', c.ratios.map((r) => `${formatSize(r.size)}: ${formatRatio(r.ratio)}`).join(' · '), 'ratios')}` +
      `${cell('what it means', c.note, 'wrap')}</tr>`,
  );
  return (
    `<div class="table-scroll"><table class="study-crossovers cards"><thead><tr>${CROSSOVER_HEADS.map((head) => `<th>${escapeHtml(head)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('\n')}</tbody></table></div>`
  );
}

function fitText(s: Scaling): string {
  const usl = s.usl
    ? `USL: λ = ${formatNumber(s.usl.lambda)} tasks/s, σ = ${formatCoefficient(s.usl.sigma)}, κ = ${formatCoefficient(s.usl.kappa)}, ` +
      `N* ${s.usl.peakWorkers === null ? 'none (κ = 0)' : `≈ ${s.usl.peakWorkers.toFixed(1)}`}, residual ${(s.usl.residual * 100).toFixed(1)} %`
    : `USL not fitted: ${s.uslReason ?? ''}`;
  const amdahl = s.amdahl
    ? `Amdahl serial fraction σ = ${formatCoefficient(s.amdahl.sigma)} (${s.amdahl.workers.length} points)`
    : `Amdahl: ${s.amdahlReason ?? ''}`;
  return `${usl}. ${amdahl}.`;
}

function scalingTable(scaling: readonly Scaling[], cores: number): string {
  const rows = scaling.flatMap((s) =>
    s.points.map(
      (p) =>
        `<tr${p.overCores ? ' class="over-cores"' : ''}>${td(`${s.suite}(${s.size})`)}${td(s.strategy)}${td(s.runtime)}` +
        `${td(`${p.workers}${p.overCores ? ' *' : ''}`, true)}${td(formatNumber(p.tasksPerSec), true)}${td(`${formatNumber(p.ci95[0])}–${formatNumber(p.ci95[1])}`, true)}` +
        `${td(formatRatio(p.speedup), true)}${td(formatRatio(p.speedupOverBaseline), true)}${td(formatFraction(p.efficiency), true)}</tr>`,
    ),
  );
  const fits = scaling.map(
    (s) =>
      `<li><strong>${escapeHtml(s.strategy)}</strong> (${escapeHtml(s.suite)}, ${escapeHtml(s.runtime)}): ${escapeHtml(fitText(s))}</li>`,
  );
  return (
    `<div class="table-scroll"><table class="study-scaling"><thead><tr><th>suite</th><th>strategy</th><th>runtime</th><th>workers</th><th>tasks/s</th><th>95 % CI</th>` +
    `<th>speedup (own 1 worker)</th><th>× main-thread</th><th>efficiency</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>` +
    `<p class="muted">* more workers than the ${escapeHtml(cores)} cores: a drop there is time-slicing, not coherency cost; such points are left out of the fits.</p>` +
    `<ul class="study-fits">${fits.join('\n')}</ul>`
  );
}

function heading(study: Study): string {
  return study.kind === 'size' ? 'Size study: from what task size on each strategy pays' : 'Workers study: how far each strategy scales';
}

export function renderStudySections(results: readonly RunResult[], set: ChartSet): string {
  return results
    .flatMap((result, fileIndex) => {
      const study = studyOf(result);
      if (!study) return [];
      const charts = set.studies
        .filter((chart) => chart.fileIndex === fileIndex)
        .map(
          (chart) =>
            `<figure><div class="chart-box"><canvas id="chart-${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(chart.title)}"></canvas></div></figure>`,
        );
      const incomplete = study.complete
        ? ''
        : '<p class="banner incomplete">This study was interrupted: the analysis covers the cells it measured.</p>';
      const table = study.kind === 'size' ? crossoverTable(study.crossovers) : scalingTable(study.scaling, study.cores);
      return [
        `<section class="study" id="study-${fileIndex + 1}">
<h2>${escapeHtml(heading(study))}${results.length > 1 ? ` · run <code>${escapeHtml(result.runId)}</code>` : ''}</h2>
${incomplete}
<h3>${study.kind === 'size' ? 'Crossovers' : 'Scaling and fits'}</h3>
${table}
<div class="charts">${charts.join('\n')}</div>
</section>`,
      ];
    })
    .join('\n');
}

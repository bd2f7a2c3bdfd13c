/**
 * One self-contained HTML report: opens from disk with no network (Chart.js is inlined,
 * a Content-Security-Policy forbids every fetch), and every string from a results file
 * goes through html-escape.ts, so a hostile suite or host name renders as text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RunContext, RunResult } from '../../runners/contract/results.js';
import { contextsOf } from '../cell-context.js';
import { createChartPlugin } from '../charts/chart-plugin.js';
import type { ChartSet } from '../charts/charts.js';
import { escapeHtml, jsonForScript, scriptSafe } from './html-escape.js';
import { formatNumber, installTableSort, renderCellTable } from './html-table.js';
import type { Series } from '../charts/series.js';
import type { TrendChart } from '../charts/trend-chart.js';
import { renderTrendSection } from './trend-section.js';
import { renderStudySections } from './study-section.js';
import { renderPhaseSection } from './phase-section.js';
import { renderPayloadSections } from './payload-section.js';
import { renderAbSections } from './ab-section.js';
import { renderAnswerSection } from './answer-section.js';
import { renderHttpSection } from './http-section.js';
import { buildInterferenceCharts } from '../charts/interference-chart.js';
import { renderInterferenceSection } from './interference-section.js';
import { renderWarnings } from './warnings-section.js';
import { CROWDED_BARS, NARROW_CHART_WIDTH, narrowChart, type NarrowConfig } from '../charts/narrow-chart.js';

let chartJsSource: string | undefined;

/**
 * chart.js exports no subpath for its UMD bundle, so resolve the package's entry point
 * and take the bundle beside it.
 */
function readChartJs(): string {
  if (chartJsSource === undefined) {
    const entry = createRequire(import.meta.url).resolve('chart.js');
    chartJsSource = readFileSync(join(dirname(entry), 'chart.umd.js'), 'utf8');
  }
  return chartJsSource;
}

/**
 * Draws every chart from the JSON block. Inlined with `.toString()`: self-contained. A chart
 * whose box is narrower than `narrowWidth` (a phone), or a bar chart of more than `crowded`
 * strategies, is drawn with `narrow` (narrow-chart.ts) in a box as tall as it needs; a resize
 * across that width redraws it.
 */
function drawCharts(
  ChartJs: typeof import('chart.js').Chart,
  plugin: import('chart.js').Plugin,
  narrow: typeof narrowChart,
  narrowWidth: number,
  crowded: number,
): void {
  const data = document.getElementById('bench-chart-data')?.textContent ?? '[]';
  // Plain JSON, as charts.ts and the study charts wrote it: what the narrow layout reads and changes.
  const configs: Array<{ id: string; config: NarrowConfig }> = JSON.parse(data);
  const drawn = new Map<string, { chart: import('chart.js').Chart; width: number | undefined }>();
  const draw = (): void => {
    for (const { id, config } of configs) {
      const canvas = document.getElementById(`chart-${id}`);
      const box = canvas?.parentElement;
      if (!(canvas instanceof HTMLCanvasElement) || !box) continue;
      const many = config.type === 'bar' && (config.data.labels?.length ?? 0) > crowded;
      const width = box.clientWidth < narrowWidth || many ? box.clientWidth : undefined;
      const before = drawn.get(id);
      // Wide charts follow their box by themselves; a narrow one is laid out for its width.
      if (before && (before.width === undefined) === (width === undefined) && Math.abs((before.width ?? 0) - (width ?? 0)) < 24) continue;
      before?.chart.destroy();
      let shaped: NarrowConfig = JSON.parse(JSON.stringify(config));
      if (width === undefined) {
        box.style.removeProperty('height');
        box.style.removeProperty('aspect-ratio');
      } else {
        const laid = narrow(config, width);
        shaped = laid.config;
        box.style.aspectRatio = 'auto';
        box.style.height = `${laid.height}px`;
      }
      // The box around the canvas fixes the size; the chart fills it.
      shaped.options = { ...shaped.options, responsive: true, maintainAspectRatio: false };
      drawn.set(id, { chart: new ChartJs(canvas, { ...(shaped as import('chart.js').ChartConfiguration), plugins: [plugin] }), width });
    }
  };
  draw();
  let frame = 0;
  window.addEventListener('resize', () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  });
}

const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --line: #d9d9d9; --warn: #8a4b00; --bad: #a31515; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1500px; padding: 20px 28px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 8px; } .muted { color: var(--muted); }
.banner { padding: 10px 14px; border-radius: 6px; margin: 14px 0; border: 1px solid; }
.banner.ok { background: #eef7ee; border-color: #9ccc9c; } .banner.incomplete { background: #fff4e0; border-color: #e0b060; color: var(--warn); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(560px, 100%), 1fr)); gap: 18px; }
.answer { background: #f5f8ff; border: 1px solid #c9d6f0; border-radius: 6px; padding: 2px 18px 8px; margin: 14px 0; }
.answer h2 { border: 0; margin: 10px 0 4px; } .answer h3 { margin: 10px 0 2px; } .answer li { margin: 4px 0; }
figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
.chart-box { position: relative; width: 100%; aspect-ratio: 8 / 5; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.name, td.kind { white-space: nowrap; } #warnings td.what, #warnings td.hint { min-width: 16em; } td.wrap { min-width: 18em; } td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
/* A table wider than the page scrolls in its own box: the page itself never scrolls sideways (overflow-wrap above lets long names wrap). */
.table-scroll { overflow-x: auto; max-width: 100%; }
table.cells thead th { position: sticky; top: 0; } table.cells tr.groups th { text-align: center; font-weight: 600; white-space: nowrap; }
table.cells th button { all: unset; cursor: pointer; font-weight: 600; white-space: nowrap; }
table.cells th[aria-sort="ascending"] button::after { content: " ▲"; } table.cells th[aria-sort="descending"] button::after { content: " ▼"; }
table.cells tbody tr:nth-child(even) { background: #fafafa; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; vertical-align: baseline; }
.status-errored { color: var(--bad); font-weight: 600; } .status-skipped { color: var(--warn); }
code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; word-break: break-all; }
/* In a table, "anywhere" would let the layout squeeze a column to a few letters ("strateg y"): words break only when one alone is too wide. */
table { overflow-wrap: break-word; }
.warning-groups { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(520px, 100%), 1fr)); gap: 10px; align-items: start; }
.warning-group { border: 1px solid var(--line); border-left: 4px solid #e0b060; border-radius: 6px; padding: 6px 12px; }
.warning-group p { margin: 4px 0; } .warning-group ul.details { margin: 4px 0; padding-left: 18px; } .warning-group li { margin: 2px 0; }
.warning-group .where { font-weight: 600; } .warning-group summary { cursor: pointer; color: var(--muted); margin-left: 18px; }
/* A phone: less padding, and tables of a few long fields read as one card per row. */
@media (max-width: 640px) {
  body { padding: 12px 10px 32px; }
  h1 { font-size: 21px; } h2 { font-size: 17px; margin-top: 26px; }
  .answer { padding: 2px 12px 6px; } .answer ul { padding-left: 18px; }
  figure { padding: 4px; } .charts { gap: 12px; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; }
  table.cards thead { display: none; }
  table.cards tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 8px; padding: 4px 10px; }
  table.cards td { border: 0; padding: 2px 0; min-width: 0; text-align: left; white-space: normal; }
  table.cards td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
  .warning-group { padding: 6px 10px; } .warning-group ul.details { padding-left: 16px; }
  /* The cell tables scroll sideways in their box: the strategy stays in view beside the figures. */
  table.cells .key { position: sticky; left: 0; z-index: 1; background: #fff; box-shadow: 1px 0 0 var(--line); }
  table.cells th.key { z-index: 2; background: #f4f4f4; }
}
`;

function completeness(results: readonly RunResult[], series: Series[]): string {
  const interrupted = results.flatMap((result, i) => {
    if (result.complete) return [];
    const labels = series
      .filter((s) => s.fileIndex === i)
      .map((s) => s.label)
      .join(', ');
    const by = result.interruptedBy ? ` (interrupted by ${result.interruptedBy})` : '';
    return [`<li><strong>${escapeHtml(labels)}</strong>, run <code>${escapeHtml(result.runId)}</code>${escapeHtml(by)}</li>`];
  });
  if (interrupted.length === 0) {
    return '<div class="banner ok" id="completeness">Complete: every planned cell of every run was attempted.</div>';
  }
  return `<div class="banner incomplete" id="completeness"><strong>Incomplete:</strong> these runs stopped early; cells they did not reach are listed as skipped.<ul>${interrupted.join('')}</ul></div>`;
}

/** `runId`: the context's own run (in a merged file, a source run; config is the file's). */
function contextRows(result: RunResult, c: RunContext, runId: string): Array<[string, string]> {
  const { config } = result;
  const env = Object.entries(c.timingEnv);
  return [
    ['run id', `<code>${escapeHtml(runId)}</code>`],
    ['created', escapeHtml(result.createdAt)],
    ['complete', result.complete ? 'yes' : `no${result.interruptedBy ? `, interrupted by ${escapeHtml(result.interruptedBy)}` : ''}`],
    ['runtime', `${escapeHtml(c.runtime.name)} ${escapeHtml(c.runtime.version)}`],
    ['OS', `${escapeHtml(c.os.platform)} ${escapeHtml(c.os.release)} (${escapeHtml(c.os.arch)})`],
    ['CPU', escapeHtml(c.cpu.model)],
    ['cores', escapeHtml(c.cpu.cores)],
    ['memory', `${formatNumber(c.memoryBytes / 1024 ** 3)} GiB`],
    ['host', escapeHtml(c.hostname)],
    ['load average (1 min)', `${formatNumber(c.loadAverage1m)}`],
    [
      'timing-relevant environment',
      env.length === 0 ? 'none' : env.map(([k, v]) => `<code>${escapeHtml(k)}=${escapeHtml(v)}</code>`).join('<br>'),
    ],
    ['commit', c.commit === null ? 'not in a git repository' : `<code>${escapeHtml(c.commit)}</code>`],
    ['harness version', escapeHtml(c.harnessVersion)],
    ['command line', `<code>${c.commandLine.map((arg) => escapeHtml(arg)).join(' ')}</code>`],
    ['suites (size)', config.suites.map((s) => `${escapeHtml(s)} (${escapeHtml(config.sizes[s] ?? '?')})`).join(', ')],
    ['strategies', config.strategies.map((s) => escapeHtml(s)).join(', ')],
    ['workers · rounds', `${escapeHtml(config.workers)} · ${escapeHtml(config.rounds)}${config.quick ? ' (quick)' : ''}`],
    ['worker nice', escapeHtml(config.workerNice)],
    [
      'phase · cell timeout · seed',
      `${escapeHtml(config.phaseMs)} ms · ${escapeHtml(config.cellTimeoutMs)} ms · ${escapeHtml(config.seed)}`,
    ],
  ];
}

/** One column per context (a file's, or each source run's of a merged file), so machines read side by side. */
function contextTable(results: readonly RunResult[], series: Series[]): string {
  const sources = results.flatMap((result, fileIndex) =>
    [...contextsOf(result)].map(([id, context]) => ({ result, fileIndex, id, context })),
  );
  const columns = sources.map(({ result, context, id }) => contextRows(result, context, contextsOf(result).size > 1 ? id : result.runId));
  const heads = sources.map(
    ({ fileIndex, context }) =>
      `<th scope="col">${escapeHtml(
        series
          .filter((s) => s.fileIndex === fileIndex && s.context === context)
          .map((s) => s.label)
          .join(', '),
      )}</th>`,
  );
  const rows = (columns[0] ?? []).map(
    ([name], r) => `<tr><th scope="row">${name}</th>${columns.map((column) => `<td>${column[r]?.[1] ?? ''}</td>`).join('')}</tr>`,
  );
  return `<div class="table-scroll"><table id="context"><thead><tr><th></th>${heads.join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

function problemCells(series: Series[]): string {
  const rows = series.flatMap((s) =>
    s.cells.flatMap((cell) => {
      if (cell.status === 'completed') return [];
      const why = cell.status === 'errored' ? `${cell.error.message} (round ${cell.error.round})` : cell.reason;
      const run = series.length > 1 ? `<td data-label="run">${escapeHtml(s.label)}</td>` : '';
      return [
        `<tr>${run}<td data-label="suite">${escapeHtml(cell.suite)}</td><td data-label="strategy">${escapeHtml(cell.strategy)}</td><td class="status-${cell.status}" data-label="status">${cell.status}</td><td class="wrap" data-label="reason">${escapeHtml(why)}</td></tr>`,
      ];
    }),
  );
  if (rows.length === 0) return '<p id="problems">Every cell completed and verified its outputs.</p>';
  const runHead = series.length > 1 ? '<th>run</th>' : '';
  return `<div class="table-scroll"><table id="problems" class="cards"><thead><tr>${runHead}<th>suite</th><th>strategy</th><th>status</th><th>reason</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

function chartSections(set: ChartSet): string {
  // A study file's suites have their charts in the study's own section.
  return set.suites
    .filter((suite) => set.charts.some((chart) => chart.suite === suite))
    .map((suite) => {
      const figures = set.charts
        .filter((chart) => chart.suite === suite)
        .map(
          (chart) =>
            `<figure><div class="chart-box"><canvas id="chart-${escapeHtml(chart.id)}" role="img" aria-label="${escapeHtml(chart.title)}"></canvas></div></figure>`,
        );
      return `<h3>${escapeHtml(suite)}</h3><div class="charts">${figures.join('\n')}</div>`;
    })
    .join('\n');
}

/** An inline script and its CSP hash: only these exact scripts may run. */
function inlineScript(code: string): { tag: string; hash: string } {
  const safe = scriptSafe(code);
  return { tag: `<script>${safe}</script>`, hash: `'sha256-${createHash('sha256').update(safe).digest('base64')}'` };
}

export function renderHtml(results: readonly RunResult[], set: ChartSet, trends: readonly TrendChart[] = []): string {
  const interference = buildInterferenceCharts(set);
  const chartData = [...set.charts, ...set.studies, ...interference, ...trends].map(({ id, config }) => ({ id, config }));
  const scripts = [
    inlineScript(readChartJs()),
    inlineScript(
      `(${installTableSort.toString()})();\n(${drawCharts.toString()})(Chart, (${createChartPlugin.toString()})(), ${narrowChart.toString()}, ${NARROW_CHART_WIDTH}, ${CROWDED_BARS});`,
    ),
  ];
  const csp = `default-src 'none'; script-src ${scripts.map((s) => s.hash).join(' ')}; style-src 'unsafe-inline'; img-src data:`;
  const runIds = results.map((result) => result.runId).join(', ');
  const cellCount = set.series.reduce((n, s) => n + s.cells.length, 0);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>bench report: ${escapeHtml(runIds)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>bench report</h1>
<div class="muted">${escapeHtml(set.series.map((s) => s.label).join(' vs '))} · ${set.suites.length} suite${set.suites.length === 1 ? '' : 's'} · ${cellCount} cell${cellCount === 1 ? '' : 's'} · run ${escapeHtml(runIds)}</div>
${completeness(results, set.series)}
</header>
<main>
${renderAnswerSection(results, set.series)}
${renderStudySections(results, set)}
${renderPayloadSections(results, set)}
${renderAbSections(results, set)}
${
  set.charts.length === 0
    ? ''
    : `<h2>Charts</h2>
<p class="muted">Strategies keep one order and one colour throughout.${set.series.length > 1 ? ' Each run has one bar per strategy: solid for the first, outlined for the second, half-tone for the third.' : ''}</p>
${chartSections(set)}`
}
${renderHttpSection(results, (fileIndex) =>
  set.series
    .filter((s) => s.fileIndex === fileIndex)
    .map((s) => s.label)
    .join(', '),
)}
${renderPhaseSection(set)}
${renderInterferenceSection(interference)}
${renderTrendSection(trends)}
<h2>Measurement warnings</h2>
${renderWarnings(results, set.series)}
<h2>Cells that did not complete</h2>
${problemCells(set.series)}
<h2>Every cell</h2>
<p class="muted">Click a column header to sort; click again to reverse. Times in ms.</p>
${renderCellTable(set.series, set.suites, set.palette)}
<h2>Where this ran</h2>
${contextTable(results, set.series)}
</main>
<script type="application/json" id="bench-chart-data">${jsonForScript(chartData)}</script>
${scripts.map((s) => s.tag).join('\n')}
</body>
</html>
`;
}

/**
 * The terminal table of a `bench http` run: one row per strategy's server (per runtime, and
 * per worker count under --workers-list), then each runtime's server alone (GET /noop), the
 * workers table, and with --phases where each request's time went. Every figure is read from
 * the results; only the speedup (a ratio of two stored rates) is computed.
 */
import { renderWarningLines } from './warning-lines.js';
import type { CellResult, HttpCompletedCell, RunResult } from '../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { formatBytes, formatRate, terminalSafe } from '../format/numbers.js';
import { formatDuration } from '../../runners/common/format-duration.js';
import { strategyLabeller } from '../format/strategy-label.js';
import { overCores, renderHttpPhases, renderHttpWorkers, renderNoop } from './http-blocks.js';

const FIGURE_HEADERS = [
  'workers',
  'req/s',
  'speedup',
  'p50',
  'p90',
  'p99',
  'max',
  'errors',
  'timeouts',
  'non-2xx',
  '503s',
  'loop p99',
  '/health p99',
  'peak RSS',
];

/** main-thread's rate on the cell's runtime: each runtime's strategies are judged against its own baseline. */
function baselineRate(cells: readonly CellResult[], runtime: string): number | undefined {
  const main = cells.find((c) => c.strategy === BASELINE_STRATEGY && c.runtime === runtime);
  return main?.status === 'completed' && main.scenario === 'http' ? main.requests.perSec : undefined;
}

function figures(cell: HttpCompletedCell, baseline: number | undefined): string[] {
  const rate = cell.requests.perSec;
  return [
    formatRate(rate),
    baseline ? `${(rate / baseline).toFixed(2)}×` : '—',
    formatDuration(cell.latency.p50Ms),
    formatDuration(cell.latency.p90Ms),
    formatDuration(cell.latency.p99Ms),
    formatDuration(cell.latency.maxMs),
    String(cell.errors.errors),
    String(cell.errors.timeouts),
    String(cell.errors.non2xx),
    String(cell.errors.overloaded),
    formatDuration(cell.eventLoopDelay.p99Ms),
    cell.health ? formatDuration(cell.health.p99Ms) : '—',
    formatBytes(cell.memory.peakRssBytes),
  ];
}

/** `lead`: the name columns (runtime where several, strategy); the workers count is marked where it passes the cores. */
function row(cell: CellResult, lead: string[], cores: number, baseline: number | undefined): string[] {
  const named = [...lead, `${cell.workers}${overCores(cell.workers, cores) ? '*' : ''}`];
  if (cell.status === 'errored') return [...named, `ERRORED: ${cell.error.message}`];
  if (cell.status === 'skipped') return [...named, `skipped: ${cell.reason}`];
  if (cell.scenario !== 'http') return [...named, 'a batch cell: see `bench run`'];
  return [...named, ...figures(cell, baseline)];
}

function layout(headers: string[], rows: string[][], names: number): string {
  const full = [headers, ...rows].filter((r) => r.length === headers.length);
  const widths = headers.map((_, column) => Math.max(...full.map((r) => r[column]!.length)));
  const cellText = (text: string, column: number): string =>
    column < names ? text.padEnd(widths[column]!) : text.padStart(widths[column]!);
  return [headers, ...rows]
    .map((cells) => {
      // Errored and skipped rows: the reason runs across the figure columns.
      if (cells.length !== headers.length) return [...cells.slice(0, names + 1).map(cellText), cells[names + 1]].join('  ');
      return cells.map(cellText).join('  ');
    })
    .join('\n');
}

function loadLine(result: RunResult): string {
  const load = result.config.http;
  if (!load) return '';
  const window = load.amount !== null ? `${load.amount} requests` : `${(load.durationMs ?? 0) / 1000} s window`;
  return (
    `${load.connections} connections × pipelining ${load.pipelining} · ${window} after ${load.warmupMs / 1000} s warm-up · ` +
    `max-queue ${load.maxQueue} · worker nice +${result.config.workerNice ?? 0}`
  );
}

/** "node 20.20.2, bun 1.4.5": the runtimes that served, with the versions their probes recorded. */
function runtimesLine(result: RunResult, runtimes: readonly string[]): string {
  const { context } = result;
  return runtimes
    .map((name) => {
      const version = context.runtimes[name]?.version ?? (context.runtime.name === name ? context.runtime.version : undefined);
      return version ? `${name} ${version}` : name;
    })
    .join(', ');
}

export function renderHttpTable(result: RunResult): string {
  const { context } = result;
  const { cores } = context.cpu;
  const runtimes = [...new Set(result.cells.map((cell) => cell.runtime))];
  const several = runtimes.length > 1;
  const labelOf = strategyLabeller(result.cells);
  const first = result.cells[0];
  const header =
    `bench http ${result.runId} · ${runtimesLine(result, runtimes.length > 0 ? runtimes : [context.runtime.name])} · ` +
    `${context.cpu.model} · ${cores} cores` +
    (result.complete ? '' : ' · INCOMPLETE (interrupted)');
  const title = first ? `${first.suite} · size ${first.size} · ${loadLine(result)}` : loadLine(result);
  const names = several ? ['runtime', 'strategy'] : ['strategy'];
  const rows = result.cells.map((cell) =>
    row(cell, several ? [cell.runtime, labelOf(cell)] : [labelOf(cell)], cores, baselineRate(result.cells, cell.runtime)),
  );
  const oversubscribed = result.cells.some((cell) => overCores(cell.workers, cores));
  const legend =
    `req/s: 2xx answers per second of the window · speedup vs main-thread${several ? ' on the same runtime' : ''} · ` +
    'p50–max: latency of 2xx answers (sub-ms, not corrected for coordinated omission) · errors: connection errors incl. timeouts · ' +
    "non-2xx includes 503s · 503s: refused, queue full · loop p99: event-loop delay of the server's main thread (cluster: worst process) · " +
    '/health p99: a cheap route probed during the load · peak RSS: server and all its workers/children' +
    (oversubscribed ? ` · * more workers than the ${cores} cores: oversubscribed, the extra workers time-slice the cores` : '');
  const warnings = renderWarningLines(result);
  const blocks = [renderNoop(result), renderHttpWorkers(result, labelOf), renderHttpPhases(result, labelOf)].filter((b) => b !== '');
  return terminalSafe(
    [
      header,
      '',
      title,
      layout([...names, ...FIGURE_HEADERS], rows, names.length),
      '',
      legend,
      ...blocks.flatMap((block) => ['', block]),
      ...(warnings.length ? ['', `Warnings (${result.warnings.length}):`, ...warnings] : []),
    ].join('\n'),
  );
}

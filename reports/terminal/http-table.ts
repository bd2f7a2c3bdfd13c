/**
 * The terminal table of a `bench http` run: one row per strategy's server. Every figure
 * is read from the results; only the speedup (a ratio of two stored rates) is computed.
 */
import type { CellResult, RunResult } from '../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { formatBytes, formatRate, terminalSafe } from '../format/numbers.js';
import { formatDuration } from '../../runners/common/format-duration.js';

const HEADERS = [
  'strategy',
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

function row(cell: CellResult, baseline: number | undefined): string[] {
  const lead = [cell.strategy, String(cell.workers)];
  if (cell.status === 'errored') return [...lead, `ERRORED: ${cell.error.message}`];
  if (cell.status === 'skipped') return [...lead, `skipped: ${cell.reason}`];
  if (cell.scenario !== 'http') return [...lead, 'a batch cell: see `bench run`'];
  const rate = cell.requests.perSec;
  return [
    ...lead,
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

function layout(rows: string[][]): string {
  const full = rows.filter((r) => r.length === HEADERS.length);
  const widths = HEADERS.map((_, column) => Math.max(...full.map((r) => r[column]!.length)));
  return rows
    .map((cells) => {
      // Errored and skipped rows: the reason runs across the figure columns.
      if (cells.length !== HEADERS.length) return [cells[0]!.padEnd(widths[0]!), cells[1]!.padStart(widths[1]!), cells[2]].join('  ');
      return cells.map((text, column) => (column === 0 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join('  ');
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

export function renderHttpTable(result: RunResult): string {
  const main = result.cells.find((c) => c.strategy === BASELINE_STRATEGY);
  const baseline = main?.status === 'completed' && main.scenario === 'http' ? main.requests.perSec : undefined;
  const first = result.cells[0];
  const { context } = result;
  const header =
    `bench http ${result.runId} · ${context.runtime.name} ${context.runtime.version} · ${context.cpu.model} · ` +
    `${context.cpu.cores} cores` +
    (result.complete ? '' : ' · INCOMPLETE (interrupted)');
  const title = first ? `${first.suite} · size ${first.size} · ${loadLine(result)}` : loadLine(result);
  const legend =
    'req/s: 2xx answers per second of the window · speedup vs main-thread · p50–max: latency of 2xx answers ' +
    '(sub-ms, not corrected for coordinated omission) · errors: connection errors incl. timeouts · non-2xx includes 503s · ' +
    "503s: refused, queue full · loop p99: event-loop delay of the server's main thread (cluster: worst process) · " +
    '/health p99: a cheap route probed during the load · peak RSS: server and all its workers/children';
  const warnings = result.warnings.map((w) => `! ${w.message}\n  → ${w.hint}`);
  return terminalSafe(
    [
      header,
      '',
      title,
      layout([HEADERS, ...result.cells.map((cell) => row(cell, baseline))]),
      '',
      legend,
      ...(warnings.length ? ['', `Warnings (${warnings.length}):`, ...warnings] : []),
    ].join('\n'),
  );
}

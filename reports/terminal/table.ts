/**
 * The terminal comparison table: one block per suite and size, one row per runtime and strategy.
 * Every figure is read from the results; nothing is recomputed here except the
 * speedup, a ratio of two stored medians.
 */
import { renderWarningLines } from './warning-lines.js';
import type { CellResult, RunResult } from '../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { formatBytes, formatRate, terminalSafe } from '../format/numbers.js';
import { formatDuration } from '../../runners/common/format-duration.js';
import { hasPhases, PHASE_HEADER, phaseColumn } from './phase-column.js';
import { strategyLabeller } from '../format/strategy-label.js';
import { baselineCell, cpuColumns, type ExtraColumn } from './cpu-columns.js';

const HEADERS = [
  'runtime',
  'strategy',
  'workers',
  'tasks/s',
  '95% CI',
  'speedup',
  'p50',
  'p99',
  'p99 loaded',
  'loop p99',
  'startup',
  'peak RSS',
];

/** The speedup baseline is main-thread on the same runtime, never another runtime's. */
function row(cell: CellResult, runtimeLabel: string, baseline: number | undefined, strategyLabel: string): string[] {
  const lead = [runtimeLabel, strategyLabel, String(cell.workers)];
  if (cell.status === 'errored') return [...lead, `ERRORED (round ${cell.error.round}): ${cell.error.message}`];
  if (cell.status === 'skipped') return [...lead, `skipped: ${cell.reason}`];
  if (cell.scenario === 'http') return [...lead, 'an HTTP cell: see reports/http-table.ts'];
  const tps = cell.throughput.tasksPerSec;
  const [low, high] = cell.throughput.ci95;
  return [
    ...lead,
    formatRate(tps),
    cell.throughput.rounds.length > 1 ? `${formatRate(low)}–${formatRate(high)}` : '—',
    baseline ? `${(tps / baseline).toFixed(2)}×` : '—',
    formatDuration(cell.latency.p50Ms),
    formatDuration(cell.latency.p99Ms),
    formatDuration(cell.loadedLatency.p99Ms),
    formatDuration(cell.eventLoopDelay.p99Ms),
    formatDuration(cell.startupMs),
    formatBytes(cell.memory.peakRssBytes),
  ];
}

/** `setup`: the suite's setup() per host, beside start-up; shown only where some cell recorded it. */
function setupColumns(result: RunResult): ExtraColumn[] {
  const setupOf = (cell: CellResult): number | undefined =>
    cell.status === 'completed' && cell.scenario === 'batch' ? cell.setupMs : undefined;
  if (!result.cells.some((cell) => setupOf(cell) !== undefined)) return [];
  return [
    {
      header: 'setup',
      legend: "setup: median time of the suite's setup() in each host (in its startup)",
      value: (cell) => {
        const ms = setupOf(cell);
        return ms === undefined ? '—' : formatDuration(ms);
      },
    },
  ];
}

function layout(rows: string[][]): string {
  // The header row sets the columns: HEADERS, and the CPU and --phases columns the run has.
  const columns = rows[0]?.length ?? HEADERS.length;
  const widths = rows[0]!.map((_, column) => Math.max(...rows.filter((r) => r.length === columns).map((r) => r[column]!.length)));
  return rows
    .map((cells) => {
      if (cells.length !== columns) {
        // Errored and skipped rows: the reason runs across the figure columns.
        return [cells[0]!.padEnd(widths[0]!), cells[1]!.padEnd(widths[1]!), cells[2]!.padStart(widths[2]!), cells[3]].join('  ');
      }
      return cells.map((text, column) => (column < 2 ? text.padEnd(widths[column]!) : text.padStart(widths[column]!))).join('  ');
    })
    .join('\n');
}

export function renderTable(result: RunResult): string {
  const { context, config } = result;
  const runtimeLabel = (name: string): string => {
    const version = context.runtimes?.[name]?.version ?? (name === context.runtime.name ? context.runtime.version : undefined);
    return version ? `${name} ${version}` : name;
  };
  // "worker-pool (clone)" where the file holds a strategy with several transports.
  const labelOf = strategyLabeller(result.cells);
  const phased = hasPhases(result);
  // Columns after the fixed ones, on figure rows only (errored and skipped rows keep their reason).
  const extras: ExtraColumn[] = [
    ...setupColumns(result),
    ...cpuColumns(result),
    ...(phased
      ? [
          {
            header: PHASE_HEADER,
            legend: "phases: largest share of the unloaded latency (and run's), details in the report",
            value: phaseColumn,
          },
        ]
      : []),
  ];
  const groups = new Map<string, CellResult[]>();
  for (const cell of result.cells) {
    const group = `${cell.suite} · size ${cell.size}`;
    groups.set(group, [...(groups.get(group) ?? []), cell]);
  }
  const blocks: string[] = [];
  for (const [title, cells] of groups) {
    const baselineOf = (runtime: string): number | undefined => {
      const main = cells.find((c) => c.strategy === BASELINE_STRATEGY && c.runtime === runtime);
      return main?.status === 'completed' && main.scenario === 'batch' ? main.throughput.tasksPerSec : undefined;
    };
    const rows = cells.map((cell) => {
      const figures = row(cell, runtimeLabel(cell.runtime), baselineOf(cell.runtime), labelOf(cell));
      if (figures.length !== HEADERS.length) return figures;
      const baseline = baselineCell(cells, cell.runtime);
      return [...figures, ...extras.map((column) => column.value(cell, baseline))];
    });
    blocks.push(`${title}\n${layout([[...HEADERS, ...extras.map((column) => column.header)], ...rows])}`);
  }
  const header =
    `bench ${result.runId} · ${context.runtime.name} ${context.runtime.version} · ${context.cpu.model} · ` +
    `${context.cpu.cores} cores · ${config.rounds} round${config.rounds === 1 ? '' : 's'}` +
    (result.complete ? '' : ' · INCOMPLETE (interrupted)');
  const legend =
    'tasks/s: median over rounds (95% CI of the mean) · speedup vs main-thread · p50/p99: unloaded latency · ' +
    'p99 loaded: latency with the pool kept full · loop p99: event-loop delay of the dispatching thread' +
    extras.map((column) => (column.legend ? ` · ${column.legend}` : '')).join('');
  const warnings = renderWarningLines(result);
  return terminalSafe(
    [
      header,
      '',
      blocks.join('\n\n'),
      '',
      legend,
      ...(warnings.length ? ['', `Warnings (${result.warnings.length}):`, ...warnings] : []),
    ].join('\n'),
  );
}

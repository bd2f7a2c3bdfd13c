/**
 * What each chart shows: per kind, the scenario it reads (`bench run` or `bench http`
 * cells), its heading, axis title, subtitle, and the figure (bar and whisker) it takes from
 * a completed cell. charts.ts lays these out; adding a chart is adding an entry here.
 */
import type { CompletedCell, HttpCompletedCell, Scenario } from '../../runners/contract/results.js';
import { BASELINE_STRATEGY, cellFor, completed, speedupOf, type Series } from './series.js';

export type ChartKind =
  | 'throughput'
  | 'speedup'
  | 'latency-unloaded'
  | 'latency-loaded'
  | 'event-loop-delay'
  | 'startup'
  /** --phases (phase-charts.ts): stacked shares per phase, unloaded and under load. */
  | 'phases'
  | 'phases-loaded'
  | 'http-requests'
  | 'http-latency'
  | 'http-health'
  | 'http-event-loop';

export interface Figure {
  value: number | null;
  whisker?: [number, number] | null;
}

/** A completed cell of either scenario; each chart kind reads the one it is about. */
type AnyCompleted = CompletedCell | HttpCompletedCell;

export interface KindSpec {
  kind: ChartKind;
  /** `bench run` cells or `bench http` cells: a chart never mixes the two. */
  scenario: Scenario;
  heading: string;
  yTitle: string;
  subtitle: (context: SuiteContext) => string;
  figure: (cell: AnyCompleted, series: Series, suite: string) => Figure;
  /** Whether a log axis may be used when values span orders of magnitude. */
  mayUseLog: boolean;
}

export interface SuiteContext {
  suite: string;
  series: Series[];
  workers: string;
  rounds: string;
  /** The HTTP load (connections, window) of the series, for http charts. */
  load: string;
}

function throughputWhisker(cell: CompletedCell): [number, number] {
  // A Student-t interval from few rounds can dip below zero; no throughput is negative.
  return [Math.max(0, cell.throughput.ci95[0]), cell.throughput.ci95[1]];
}

/** A figure of a `bench run` cell: other cells have none. */
const batch =
  (figure: (cell: CompletedCell, series: Series, suite: string) => Figure): KindSpec['figure'] =>
  (cell, series, suite) =>
    cell.scenario === 'batch' ? figure(cell, series, suite) : { value: null };

/** A figure of a `bench http` cell: other cells have none. */
const http =
  (figure: (cell: HttpCompletedCell) => Figure): KindSpec['figure'] =>
  (cell) =>
    cell.scenario === 'http' ? figure(cell) : { value: null };

export const KINDS: KindSpec[] = [
  {
    kind: 'throughput',
    scenario: 'batch',
    heading: 'throughput, pool kept full',
    yTitle: 'tasks per second, higher is better',
    subtitle: (c) => `bar: median of ${c.rounds} rounds · whisker: 95 % confidence interval of the mean · ${c.workers} workers`,
    figure: batch((cell) => ({ value: cell.throughput.tasksPerSec, whisker: throughputWhisker(cell) })),
    mayUseLog: false,
  },
  {
    kind: 'speedup',
    scenario: 'batch',
    heading: 'speedup over main-thread',
    yTitle: '× main-thread, higher is better',
    subtitle: () => 'tasks/s ÷ main-thread tasks/s · whisker: ratio of the 95 % intervals · dashed: ideal',
    figure: batch((cell, series, suite) => {
      const speedup = speedupOf(series, cell);
      const base = completed(cellFor(series, suite, BASELINE_STRATEGY));
      if (speedup === undefined || !base) return { value: null };
      // The widest ratio both intervals allow: fastest strategy over slowest baseline and back.
      const [low, high] = throughputWhisker(cell);
      const [baseLow, baseHigh] = base.throughput.ci95;
      return { value: speedup, whisker: baseLow > 0 ? [low / baseHigh, high / baseLow] : null };
    }),
    mayUseLog: false,
  },
  {
    kind: 'latency-unloaded',
    scenario: 'batch',
    heading: 'latency, one task at a time',
    yTitle: 'ms per task, lower is better',
    subtitle: () => 'unloaded: one task in flight · bar: median (p50) · whisker: p50 to p99',
    figure: batch((cell) => ({ value: cell.latency.p50Ms, whisker: [cell.latency.p50Ms, cell.latency.p99Ms] })),
    mayUseLog: true,
  },
  {
    kind: 'latency-loaded',
    scenario: 'batch',
    heading: 'latency under load',
    yTitle: 'ms submit → complete, lower is better',
    subtitle: (c) => `under load: pool kept full, ${c.workers} workers · bar: median (p50) · whisker: p50 to p99`,
    figure: batch((cell) => ({ value: cell.loadedLatency.p50Ms, whisker: [cell.loadedLatency.p50Ms, cell.loadedLatency.p99Ms] })),
    mayUseLog: true,
  },
  {
    kind: 'event-loop-delay',
    scenario: 'batch',
    heading: 'event-loop delay under load',
    yTitle: 'ms p99 delay, lower is better',
    subtitle: () => "p99 delay of the cell's main thread while the pool is kept full: how blocked it is",
    figure: batch((cell) => ({ value: cell.eventLoopDelay.p99Ms })),
    mayUseLog: true,
  },
  {
    kind: 'startup',
    scenario: 'batch',
    heading: 'startup cost',
    yTitle: 'ms spawn → ready, lower is better',
    subtitle: () => 'median time from spawning a worker or child process to its first message · main-thread spawns none',
    figure: batch((cell) => ({ value: cell.startupMs })),
    mayUseLog: false,
  },
  {
    kind: 'http-requests',
    scenario: 'http',
    heading: 'requests per second under HTTP load',
    yTitle: 'req/s answered 2xx, higher is better',
    subtitle: (c) => `${c.load} · 503s and errors do not count · ${c.workers} workers`,
    figure: http((cell) => ({ value: cell.requests.perSec })),
    mayUseLog: false,
  },
  {
    kind: 'http-latency',
    scenario: 'http',
    heading: 'request latency under HTTP load',
    yTitle: 'ms per 2xx answer, lower is better',
    subtitle: (c) => `${c.load} · bar: median (p50) · whisker: p50 to p99`,
    figure: http((cell) => ({ value: cell.latency.p50Ms, whisker: [cell.latency.p50Ms, cell.latency.p99Ms] })),
    mayUseLog: true,
  },
  {
    kind: 'http-health',
    scenario: 'http',
    heading: 'GET /health latency during the load',
    yTitle: 'ms, lower is better',
    subtitle: () => 'a cheap route probed while the load runs: how responsive the server stays · bar: p50 · whisker: p50 to p99',
    figure: http((cell) => (cell.health ? { value: cell.health.p50Ms, whisker: [cell.health.p50Ms, cell.health.p99Ms] } : { value: null })),
    mayUseLog: true,
  },
  {
    kind: 'http-event-loop',
    scenario: 'http',
    heading: "event-loop delay of the server's main thread",
    yTitle: 'ms p99 delay, lower is better',
    subtitle: () => 'p99 during the measured window (cluster: its worst process)',
    figure: http((cell) => ({ value: cell.eventLoopDelay.p99Ms })),
    mayUseLog: true,
  },
];

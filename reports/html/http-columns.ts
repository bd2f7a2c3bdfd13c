/**
 * The HTML cell table's columns for `bench http` cells: requests answered per second, request
 * latency, what went wrong on each side, the server's event-loop delay, /health under load and
 * peak RSS. The batch columns (tasks/s, unloaded latency…) read nothing from such a cell, so an
 * HTTP file's table was all dashes; these read the figures its JSON holds.
 */
import type { CellResult, HttpCompletedCell } from '../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { cellFor, type Series } from '../charts/series.js';
import { percentText } from './cpu-cells.js';
import type { Column, Row } from './html-table.js';

const MIB = 1024 * 1024;

export function httpDone(cell: CellResult | undefined): HttpCompletedCell | undefined {
  return cell?.status === 'completed' && cell.scenario === 'http' ? cell : undefined;
}

const done = (row: Row) => httpDone(row.cell);

/** req/s ÷ main-thread's req/s in the same series and suite: the HTTP counterpart of the batch speedup. */
export function httpSpeedupOf(series: Series, cell: CellResult): number | undefined {
  const own = httpDone(cell);
  const baseline = httpDone(cellFor(series, cell.suite, BASELINE_STRATEGY));
  if (!own || !baseline || baseline.requests.perSec <= 0) return undefined;
  return own.requests.perSec / baseline.requests.perSec;
}

const latency = (head: string, value: (cell: HttpCompletedCell) => number): Column => ({
  group: 'request latency, 2xx (ms)',
  head,
  help: 'answered requests, load generator’s sub-millisecond samples, ms',
  numeric: true,
  value: (r) => {
    const cell = done(r);
    return cell ? value(cell) : undefined;
  },
});

const count = (group: string, head: string, help: string, value: (cell: HttpCompletedCell) => number): Column => ({
  group,
  head,
  help,
  numeric: true,
  value: (r) => {
    const cell = done(r);
    return cell ? value(cell) : undefined;
  },
});

/** After the table's own cell columns (run, suite, size, strategy, transport, workers, status). */
export const HTTP_COLUMNS: Column[] = [
  count('requests', 'req/s', '2xx answers per second of the measured window (503 refusals do not count)', (c) => c.requests.perSec),
  {
    group: 'requests',
    head: 'speedup ×',
    help: 'req/s ÷ main-thread req/s',
    numeric: true,
    value: (r) => httpSpeedupOf(r.series, r.cell),
  },
  count('requests', '2xx', '2xx answers in the window', (c) => c.requests.ok),
  count('requests', 'total', 'every answer in the window, whatever its status', (c) => c.requests.total),
  latency('mean', (c) => c.latency.meanMs),
  latency('p50', (c) => c.latency.p50Ms),
  latency('p90', (c) => c.latency.p90Ms),
  latency('p99', (c) => c.latency.p99Ms),
  latency('max', (c) => c.latency.maxMs),
  count('errors', 'conn. errors', 'connection errors seen by the load generator, timeouts included', (c) => c.errors.errors),
  count('errors', 'timeouts', 'requests unanswered within the request timeout', (c) => c.errors.timeouts),
  count('errors', '503s', 'refused with 503: the bounded queue was full', (c) => c.errors.overloaded),
  count('errors', '5xx', '5xx answers besides 503: a task threw or its worker died', (c) => c.errors.serverErrors),
  count('server event-loop delay (ms)', 'p50', 'the server’s main thread during the window, ms', (c) => c.eventLoopDelay.p50Ms),
  count('server event-loop delay (ms)', 'p99', 'the server’s main thread during the window, ms', (c) => c.eventLoopDelay.p99Ms),
  count('server event-loop delay (ms)', 'max', 'the server’s main thread during the window, ms', (c) => c.eventLoopDelay.maxMs),
  {
    group: '/health under load (ms)',
    head: 'p99',
    help: 'a cheap route probed during the load, ms (— without --health-probe)',
    numeric: true,
    value: (r) => done(r)?.health?.p99Ms,
  },
  {
    group: 'cost',
    head: 'startup ms',
    help: 'median spawn → ready of the server’s workers, children or cluster processes',
    numeric: true,
    value: (r) => done(r)?.startupMs ?? undefined,
  },
  count('cost', 'peak RSS MiB', 'the server process plus all its descendants', (c) => c.memory.peakRssBytes / MIB),
  {
    group: 'cost',
    head: 'other load',
    help: 'share of the machine’s CPU other programs used during the window, %',
    numeric: true,
    format: percentText,
    value: (r) => {
      const share = done(r)?.foreignCpuShare;
      return share === null || share === undefined ? undefined : share * 100;
    },
  },
];

/**
 * The blocks below a `bench http` table: each runtime's server alone (GET /noop), requests/s
 * against workers (--workers-list: the Bun article's experiment), and where each request's
 * time went (--phases). Each is empty when the run did not measure it.
 */
import type { CellResult, HttpCompletedCell, HttpNoop, HttpPhases, RunResult } from '../../runners/contract/results.js';
import { noopContextOf } from '../cell-context.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { formatDuration } from '../../runners/common/format-duration.js';
import { formatRate } from '../format/numbers.js';

/** More workers than cores: the extra ones time-slice the cores (as the workers study marks its points). */
export const overCores = (workers: number, cores: number): boolean => workers > cores;

const httpDone = (cell: CellResult): HttpCompletedCell | undefined =>
  cell.status === 'completed' && cell.scenario === 'http' ? cell : undefined;

function table(rows: string[][], names: number): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((r) => (r[column] ?? '').length)));
  return rows
    .map((cells) =>
      cells
        .map((text, column) => (column < names ? text.padEnd(widths[column]!) : text.padStart(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * Each runtime's server alone. A merged file's may come from several runs (machines): each is
 * then named by the host and run it was measured in, as the HTML report's context table names them.
 */
export function renderNoop(result: RunResult): string {
  const noop = result.noop ?? [];
  if (noop.length === 0) return '';
  const several = new Set(noop.map((n) => n.contextId ?? result.runId)).size > 1;
  const nameOf = (n: HttpNoop): string =>
    several ? `${n.runtime} on ${noopContextOf(result, n).hostname} (run ${n.contextId ?? result.runId})` : n.runtime;
  const width = Math.max(...noop.map((n) => nameOf(n).length));
  const lines = noop.map((n) =>
    n.status === 'completed'
      ? `  ${nameOf(n).padEnd(width)}  ${formatRate(n.requests.perSec)} req/s · p50 ${formatDuration(n.latency.p50Ms)} · p99 ${formatDuration(n.latency.p99Ms)}`
      : `  ${nameOf(n).padEnd(width)}  errored: ${n.error}`,
  );
  return [
    'Server alone (GET /noop: answered at once on its main thread, no strategy; the same connections, a window of at most 3 s): the server’s own cost',
    ...lines,
  ].join('\n');
}

/** --workers-list: one row per runtime and strategy, one column per worker count, and its best speedup over main-thread. */
export function renderHttpWorkers(result: RunResult, labelOf: (cell: CellResult) => string): string {
  if (result.config.http?.workersList === undefined) return '';
  const { cores } = result.context.cpu;
  const counts = [...new Set(result.cells.map((c) => c.workers))].sort((a, b) => a - b);
  const several = new Set(result.cells.map((c) => c.runtime)).size > 1;
  const groups = new Map<string, CellResult[]>();
  for (const cell of result.cells) {
    const id = `${cell.runtime}\u0000${labelOf(cell)}`;
    groups.set(id, [...(groups.get(id) ?? []), cell]);
  }
  const rows = [...groups.values()].map((cells) => {
    const first = cells[0]!;
    const base = httpDone(result.cells.find((c) => c.strategy === BASELINE_STRATEGY && c.runtime === first.runtime) ?? first);
    const at = counts.map((count) => {
      const cell = cells.find((c) => c.workers === count);
      if (cell === undefined) return '';
      const done = httpDone(cell);
      if (done === undefined) return cell.status;
      const ratio = base?.strategy === BASELINE_STRATEGY ? `${(done.requests.perSec / base.requests.perSec).toFixed(2)}×, ` : '';
      return `${formatRate(done.requests.perSec)} (${ratio}p99 ${formatDuration(done.latency.p99Ms)})`;
    });
    const best = cells.flatMap((c) => httpDone(c) ?? []).sort((a, b) => b.requests.perSec - a.requests.perSec)[0];
    const ratio =
      first.strategy === BASELINE_STRATEGY || best === undefined || base === undefined || base.strategy !== BASELINE_STRATEGY
        ? ''
        : `${(best.requests.perSec / base.requests.perSec).toFixed(2)}× at ${best.workers}${overCores(best.workers, cores) ? '*' : ''}`;
    return [...(several ? [first.runtime] : []), labelOf(first), ...at, ratio];
  });
  const head = [
    ...(several ? ['runtime'] : []),
    'strategy',
    ...counts.map((count) => `${count}${overCores(count, cores) ? '*' : ''}`),
    'best vs main-thread',
  ];
  return [
    `Requests/s against workers (in brackets: × main-thread's req/s on the runtime, p99 latency; * more workers than the ${cores} cores: oversubscribed, time-sliced):`,
    table([head, ...rows], several ? 2 : 1),
  ].join('\n');
}

const PHASE_COLUMNS: Array<[head: string, pick: (p: HttpPhases) => { mean: number } | null]> = [
  ['parse', (p) => p.parseMs],
  ['queue', (p) => p.queueMs],
  ['send', (p) => p.sendMs],
  ['q+send', (p) => p.queueSendMs],
  ['run', (p) => p.runMs],
  ['return', (p) => p.returnMs],
  ['respond', (p) => p.respondMs],
];

/** --phases: mean time per answered request in each phase, the server's parse and respond around the task's own. */
export function renderHttpPhases(result: RunResult, labelOf: (cell: CellResult) => string): string {
  const timed = result.cells.flatMap((cell) => {
    const done = httpDone(cell);
    return done?.phases === undefined ? [] : [{ cell: done, phases: done.phases }];
  });
  if (timed.length === 0) return '';
  const several = new Set(timed.map((t) => t.cell.runtime)).size > 1;
  // A phase no server of the run has (q+send: peer pools only) is left out, not shown as a column of dashes.
  const columns = PHASE_COLUMNS.filter(([, pick]) => timed.some((t) => pick(t.phases) !== null));
  const head = [...(several ? ['runtime'] : []), 'strategy', 'workers', 'requests', ...columns.map(([name]) => name)];
  const rows = timed.map(({ cell, phases }) => [
    ...(several ? [cell.runtime] : []),
    labelOf(cell),
    String(cell.workers),
    String(phases.count),
    ...columns.map(([, pick]) => {
      const phase = pick(phases);
      return phase === null ? '—' : formatDuration(phase.mean);
    }),
  ]);
  return [
    "Where a request's time went (--phases, means): parse and respond are the server's own work around the task; " +
      "queue, send, run and return the task's, as under `bench run` (the runtime's HTTP parsing and writing are in neither)",
    table([head, ...rows], several ? 2 : 1),
  ].join('\n');
}

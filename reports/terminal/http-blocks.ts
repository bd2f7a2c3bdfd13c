/**
 * The blocks below a `bench http` table: each runtime's server alone (GET /noop), requests/s
 * against workers (--workers-list: the Bun article's experiment), and where each request's
 * time went (--phases). Each is empty when the run did not measure it.
 */
import type { CellResult, HttpCompletedCell, HttpPhases, RunResult } from '../../runners/contract/results.js';
import { formatDuration } from '../../runners/common/format-duration.js';
import { httpWorkersGrid, noopGrid } from '../http-grids.js';

export { overCores } from '../http-grids.js';

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

/** Each runtime's server alone, as a block of text: the caption, then one line per server. */
export function renderNoop(result: RunResult): string {
  const grid = noopGrid(result);
  if (grid === undefined) return '';
  const width = Math.max(...grid.rows.map(([name]) => name!.length));
  const lines = grid.rows.map(([name, rate, p50, p99]) =>
    p50 === '' ? `  ${name!.padEnd(width)}  ${rate}` : `  ${name!.padEnd(width)}  ${rate} req/s · p50 ${p50} · p99 ${p99}`,
  );
  return [grid.caption, ...lines].join('\n');
}

/** --workers-list: requests/s against workers, as a text table under its caption. */
export function renderHttpWorkers(result: RunResult, labelOf: (cell: CellResult) => string): string {
  const grid = httpWorkersGrid(result, labelOf);
  return grid === undefined ? '' : [grid.caption, table([grid.head, ...grid.rows], grid.names)].join('\n');
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

/**
 * Two blocks of a `bench http` results file, as rows of text that the terminal lays out as a
 * table (reports/terminal/http-blocks.ts) and the HTML report as one (reports/html/http-section.ts):
 * each runtime's server alone (GET /noop), and requests/s against workers (--workers-list, the
 * Bun article's experiment). Empty where the run did not measure it.
 */
import type { CellResult, HttpCompletedCell, HttpNoop, RunResult } from '../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../runners/contract/strategies.js';
import { formatDuration } from '../runners/common/format-duration.js';
import { noopContextOf } from './cell-context.js';
import { formatRate } from './format/numbers.js';

export interface Grid {
  /** What the rows show, one sentence. */
  caption: string;
  head: string[];
  rows: string[][];
  /** Leading columns that are names (left-aligned); the rest are figures. */
  names: number;
}

/** More workers than cores: the extra ones time-slice the cores (as the workers study marks its points). */
export const overCores = (workers: number, cores: number): boolean => workers > cores;

const httpDone = (cell: CellResult): HttpCompletedCell | undefined =>
  cell.status === 'completed' && cell.scenario === 'http' ? cell : undefined;

/**
 * Each runtime's server alone. A merged file's may come from several runs (machines): each is
 * then named by the host and run it was measured in, as the HTML report's context table names them.
 */
export function noopGrid(result: RunResult): Grid | undefined {
  const noop = result.noop ?? [];
  if (noop.length === 0) return undefined;
  const several = new Set(noop.map((n) => n.contextId ?? result.runId)).size > 1;
  const nameOf = (n: HttpNoop): string =>
    several ? `${n.runtime} on ${noopContextOf(result, n).hostname} (run ${n.contextId ?? result.runId})` : n.runtime;
  return {
    caption:
      'Server alone (GET /noop: answered at once on its main thread, no strategy; the same connections, a window of at most 3 s): the server’s own cost',
    head: ['server', 'req/s', 'p50', 'p99'],
    rows: noop.map((n) =>
      n.status === 'completed'
        ? [nameOf(n), formatRate(n.requests.perSec), formatDuration(n.latency.p50Ms), formatDuration(n.latency.p99Ms)]
        : [nameOf(n), `errored: ${n.error}`, '', ''],
    ),
    names: 1,
  };
}

/** --workers-list: one row per runtime and strategy, one column per worker count, and its best speedup over main-thread. */
export function httpWorkersGrid(result: RunResult, labelOf: (cell: CellResult) => string): Grid | undefined {
  if (result.config.http?.workersList === undefined) return undefined;
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
  return {
    caption: `Requests/s against workers (in brackets: × main-thread's req/s on the runtime, p99 latency; * more workers than the ${cores} cores: oversubscribed, time-sliced):`,
    head: [
      ...(several ? ['runtime'] : []),
      'strategy',
      ...counts.map((count) => `${count}${overCores(count, cores) ? '*' : ''}`),
      'best vs main-thread',
    ],
    rows,
    names: several ? 2 : 1,
  };
}

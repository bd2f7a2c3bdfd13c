/**
 * The terminal table's CPU columns, read from each round's CPU accounting (RoundSample.cpu):
 * `CPU/task`, the cell's CPU time per task against main-thread's of the same suite, size and
 * runtime (work inflation: above 1×, each task cost more CPU off the main thread), and
 * `interf.`, the median share of the time its threads wanted a CPU that other programs held.
 * Shown only where some cell recorded them, so tables of older files look as before; `redone`
 * only where some cell has rounds another program disturbed (measured again, out of the figures).
 */
import type { CellResult, CompletedCell, RunResult } from '../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { cellInterference, workInflation } from '../decide/paired/cpu-figures.js';

export interface ExtraColumn {
  header: string;
  /** What the column means, for the table's legend line. */
  legend?: string;
  /** `baseline`: main-thread's completed batch cell of the same suite, size and runtime, if any. */
  value: (cell: CellResult, baseline: CompletedCell | undefined) => string;
}

const batchDone = (cell: CellResult): CompletedCell | undefined =>
  cell.status === 'completed' && cell.scenario === 'batch' ? cell : undefined;

/** Main-thread itself reads "1×" (its own CPU per task, where measured); "—" where either side is unknown. */
export function inflationText(cell: CompletedCell, baseline: CompletedCell | undefined): string {
  if (baseline === undefined) return '—';
  const inflation = workInflation(cell, baseline);
  if (inflation === null) return '—';
  return cell === baseline ? '1×' : `${inflation.toFixed(2)}×`;
}

export function interferenceText(cell: CompletedCell): string {
  const interference = cellInterference(cell);
  return interference === null ? '—' : `${Math.round(interference * 100)} %`;
}

const redoneOf = (cell: CellResult): number =>
  cell.scenario === 'batch' && cell.status !== 'skipped' ? (cell.disturbedRounds?.length ?? 0) : 0;

const CPU_COLUMNS: ExtraColumn[] = [
  {
    header: 'CPU/task',
    legend: "CPU/task: CPU time per task ÷ main-thread's (work inflation)",
    value: (cell, baseline) => {
      const done = batchDone(cell);
      return done ? inflationText(done, baseline) : '—';
    },
  },
  {
    header: 'interf.',
    legend: "interf.: median share of the time the strategy's threads waited for a CPU other programs held",
    value: (cell) => {
      const done = batchDone(cell);
      return done ? interferenceText(done) : '—';
    },
  },
];

const REDONE_COLUMN: ExtraColumn = {
  header: 'redone',
  legend: 'redone: rounds another program disturbed, measured again and left out of the figures',
  value: (cell) => String(redoneOf(cell)),
};

/** The CPU columns this run's table gets: none for files without CPU accounting or redone rounds. */
export function cpuColumns(result: RunResult): ExtraColumn[] {
  const measured = result.cells.some((cell) => batchDone(cell)?.rounds.some((round) => round.cpu !== undefined));
  const redone = result.cells.some((cell) => redoneOf(cell) > 0);
  return [...(measured ? CPU_COLUMNS : []), ...(redone ? [REDONE_COLUMN] : [])];
}

/** Main-thread's completed batch cell among `cells` for this runtime (the block is one suite and size). */
export function baselineCell(cells: readonly CellResult[], runtime: string): CompletedCell | undefined {
  return cells.map(batchDone).find((c) => c !== undefined && c.strategy === BASELINE_STRATEGY && c.runtime === runtime);
}

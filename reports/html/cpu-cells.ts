/**
 * The cell table's CPU columns, from each round's CPU accounting (RoundSample.cpu): the median
 * interference (the share of the time the strategy's threads wanted a CPU that other programs
 * held it), CPU milliseconds per task and that against main-thread's of the same suite, size and
 * runtime (work inflation), and how many rounds another program disturbed and were measured
 * again. Files from before the accounting show "—"; the redone count is 0, not "—", only where
 * the run redid disturbed rounds (config.disturbedAbove).
 */
import type { CellResult, CompletedCell, DisturbedRound } from '../../runners/contract/results.js';
import { BASELINE_STRATEGY } from '../../runners/contract/strategies.js';
import { cellCpuMsPerTask, cellInterference, workInflation } from '../decide/paired/cpu-figures.js';
import { completed, type Series } from '../charts/series.js';
import type { Column, Row } from './html-table.js';

/** Main-thread's completed batch cell of the same series, suite and size. */
export function baselineOf(series: Series, cell: CellResult): CompletedCell | undefined {
  return series.cells
    .map(completed)
    .find((c) => c !== undefined && c.strategy === BASELINE_STRATEGY && c.suite === cell.suite && c.size === cell.size);
}

/** The rounds kept out of the cell's figures; undefined where the run did not look for them. */
export function disturbedOf(series: Series, cell: CellResult): readonly DisturbedRound[] | undefined {
  const kept = cell.scenario === 'batch' && cell.status !== 'skipped' ? cell.disturbedRounds : undefined;
  return kept ?? (series.result.config.disturbedAbove !== undefined && cell.status !== 'skipped' ? [] : undefined);
}

/** "31 %", "0.4 %": one decimal where whole percents would read as 0. */
export const percentText = (percent: number): string => `${percent < 10 ? percent.toFixed(1) : percent.toFixed(0)} %`;

const done = (row: Row) => completed(row.cell);

export const CPU_COLUMNS: Column[] = [
  {
    group: 'CPU (median of rounds)',
    head: 'interference',
    help: 'share of the time the strategy’s threads wanted a CPU that other programs held it, %',
    numeric: true,
    format: percentText,
    value: (r) => {
      const c = done(r);
      const interference = c ? cellInterference(c) : null;
      return interference === null ? undefined : interference * 100;
    },
  },
  {
    group: 'CPU (median of rounds)',
    head: 'ms/task',
    help: 'CPU time per task of the saturated batch, every thread of the cell summed, ms',
    numeric: true,
    value: (r) => {
      const c = done(r);
      return (c ? cellCpuMsPerTask(c) : null) ?? undefined;
    },
  },
  {
    group: 'CPU (median of rounds)',
    head: '× main-thread',
    help: 'work inflation: CPU per task ÷ main-thread’s (same suite, size and runtime)',
    numeric: true,
    value: (r) => {
      const c = done(r);
      const baseline = baselineOf(r.series, r.cell);
      return (c && baseline ? workInflation(c, baseline) : null) ?? undefined;
    },
  },
  {
    group: 'CPU (median of rounds)',
    head: 'redone',
    help: 'rounds another program disturbed: measured again, left out of every figure (hover for why)',
    numeric: true,
    value: (r) => disturbedOf(r.series, r.cell)?.length,
    title: (r) =>
      disturbedOf(r.series, r.cell)
        ?.map((round) => `round ${round.round}: ${round.disturbed}`)
        .join('\n') || undefined,
  },
];

/**
 * What a cell's CPU accounting (RoundSample.cpu) says about its result: how much of the time
 * its threads wanted a CPU the machine's other load held it (interference), what each task
 * cost in CPU time (dispatch, copies and the workload, every thread of the tree summed), and
 * from that what the cell would do on idle cores. Medians over the rounds in its figures,
 * so each traces to the rounds stored beside it.
 */
import type { CompletedCell } from '../../../runners/contract/results.js';
import { quantile } from '../../../runners/common/stats.js';

const medianOf = (values: readonly (number | null | undefined)[]): number | null => {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  return known.length > 0 ? quantile(known, 0.5) : null;
};

/** Median interference of the cell's rounds; null where none was measured. */
export const cellInterference = (cell: CompletedCell): number | null => medianOf(cell.rounds.map((r) => r.cpu?.interference));

/** Median CPU milliseconds per task of the cell's rounds; null where none was measured. */
export const cellCpuMsPerTask = (cell: CompletedCell): number | null => medianOf(cell.rounds.map((r) => r.cpu?.cpuMsPerTask));

/** Median cores' worth of CPU the machine's other programs used during the cell's batches. */
export const cellForeignCores = (cell: CompletedCell): number | null =>
  medianOf(cell.rounds.map((r) => (r.cpu?.foreignCpuMs != null && r.wallMs > 0 ? r.cpu.foreignCpuMs / r.wallMs : null)));

/**
 * Work inflation: the cell's CPU per task ÷ main-thread's. Above 1, each task cost more CPU
 * off the main thread (dispatch, copies, cold caches, GC in more heaps); a pool that loses with
 * inflation near 1 lost to the machine or to idle time, not to slower tasks.
 */
export function workInflation(cell: CompletedCell, baseline: CompletedCell): number | null {
  const own = cellCpuMsPerTask(cell);
  const base = cellCpuMsPerTask(baseline);
  return own !== null && base !== null && own > 0 && base > 0 ? own / base : null;
}

/**
 * The speedup over main-thread the CPU accounting predicts on idle cores: as many tasks at
 * once as the cell has workers (at most the cores), each costing its own CPU per task.
 * A prediction, an upper bound where a strategy leaves cores idle (too few tasks in flight).
 */
export function predictedSpeedup(cell: CompletedCell, baseline: CompletedCell, cores: number): number | null {
  const inflation = workInflation(cell, baseline);
  return inflation === null ? null : Math.min(Math.max(1, cell.workers), Math.max(1, cores)) / inflation;
}

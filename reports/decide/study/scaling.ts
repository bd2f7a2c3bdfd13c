/**
 * How far each strategy scales: per suite, runtime and size, its tasks/s at every worker
 * count, speedup over its own 1-worker rate and over the baseline, parallel efficiency,
 * and the USL and Amdahl fits over the points at or below the core count.
 */
import type { CompletedCell, RunResult } from '../../../runners/contract/results.js';
import type { Scaling, ScalingPoint } from '../../../runners/contract/study.js';
import { BASELINE_STRATEGY } from '../../../runners/contract/strategies.js';
import { fitAmdahl, fitUsl, type ThroughputSample } from './usl.js';
import { lookPlanOf } from '../paired/group-verdict.js';
import { type LookPlan, pairedRatio } from '../paired/paired-ratio.js';

/** Three coefficients and two degrees of freedom left: fewer points fit any curve and say nothing. */
export const USL_MIN_POINTS = 5;

export const completedBatch = (result: RunResult): CompletedCell[] =>
  result.cells.filter((cell): cell is CompletedCell => cell.status === 'completed' && cell.scenario === 'batch');

/** Cells grouped by a key, groups in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

/**
 * `plan`: the study's looks; where its blocks give a paired interval, each speedup is the
 * median of the per-block ratios (the rounds that shared a minute of the machine,
 * reports/decide/paired), else the ratio of the two cells' medians.
 */
export function scalingPoints(
  cells: readonly CompletedCell[],
  baseline: CompletedCell | undefined,
  cores: number,
  plan?: LookPlan,
): ScalingPoint[] {
  const sorted = [...cells].sort((a, b) => a.workers - b.workers);
  const one = sorted.find((cell) => cell.workers === 1);
  const ratio = (cell: CompletedCell, to: CompletedCell | undefined): number | null => {
    if (!to || !(to.throughput.tasksPerSec > 0)) return null;
    const paired = plan ? pairedRatio(cell, to, plan) : undefined;
    return paired?.interval ? paired.median : cell.throughput.tasksPerSec / to.throughput.tasksPerSec;
  };
  return sorted.map((cell) => {
    const tasksPerSec = cell.throughput.tasksPerSec;
    const speedup = ratio(cell, one);
    return {
      workers: cell.workers,
      tasksPerSec,
      ci95: cell.throughput.ci95,
      speedup,
      speedupOverBaseline: ratio(cell, baseline),
      efficiency: speedup === null ? null : speedup / cell.workers,
      overCores: cell.workers > cores,
    };
  });
}

/** The fits, or why there is none; only points at or below the core count take part. */
export function fitsOf(points: readonly ScalingPoint[], cores: number): Pick<Scaling, 'usl' | 'uslReason' | 'amdahl' | 'amdahlReason'> {
  const inside: ThroughputSample[] = points.filter((p) => !p.overCores && p.tasksPerSec > 0);
  const above = points.length - inside.length;
  const why =
    above === 0
      ? ''
      : `; the ${above} point${above === 1 ? '' : 's'} above ${cores} cores show time-slicing, not coherency cost, and are not fitted`;
  const fits: Pick<Scaling, 'usl' | 'uslReason' | 'amdahl' | 'amdahlReason'> = { usl: null, amdahl: null };
  if (inside.length === 0) {
    fits.uslReason = `every point is above the ${cores} cores: their drop is time-slicing, not contention or coherency; add worker counts from 1 to ${cores}`;
    fits.amdahlReason = fits.uslReason;
    return fits;
  }
  if (inside.length >= USL_MIN_POINTS) fits.usl = fitUsl(inside);
  else {
    fits.uslReason =
      `too few points: ${inside.length} worker count${inside.length === 1 ? '' : 's'} at or below the ${cores} cores, ` +
      `${USL_MIN_POINTS} needed for three coefficients${why}; run on a machine with at least ${USL_MIN_POINTS} cores`;
  }
  if (inside.length >= 2) fits.amdahl = fitAmdahl(inside);
  else fits.amdahlReason = `one point at or below the ${cores} cores: a serial fraction needs two`;
  return fits;
}

/** Every strategy but the baseline, per suite, runtime and size, in the file's order. */
export function scalingOf(result: RunResult, cores: number): Scaling[] {
  const cells = completedBatch(result);
  const baselineOf = (cell: CompletedCell): CompletedCell | undefined =>
    cells.find((c) => c.strategy === BASELINE_STRATEGY && c.suite === cell.suite && c.runtime === cell.runtime && c.size === cell.size);
  const groups = groupBy(
    cells.filter((cell) => cell.strategy !== BASELINE_STRATEGY),
    (cell) => [cell.suite, cell.runtime, cell.size, cell.strategy].join('\u0000'),
  );
  return groups.map((group) => {
    const first = group[0]!;
    const points = scalingPoints(group, baselineOf(first), cores, lookPlanOf(result.config));
    return { suite: first.suite, strategy: first.strategy, runtime: first.runtime, size: first.size, points, ...fitsOf(points, cores) };
  });
}

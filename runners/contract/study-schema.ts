/**
 * The schema of the `study` block `bench study size|workers` writes (types in study.ts,
 * derived from these), so the loader checks the block field by field, as it checks the
 * cells, and reports read it typed with no checks of their own.
 *
 * Every figure here is derived from cells the same file holds (reports/decide/study/), so
 * each is held to the range its derivation gives it: ratios, times and fitted coefficients
 * are at least 0, worker counts whole.
 */
import * as v from 'valibot';
import { bool, count, figure, num, recordOf, str } from './schema-primitives.js';

/** The tasks/s interval of a cell, copied from its throughput (already ordered there). */
const CI95 = v.strictTuple([num, num], 'a [low, high] pair');

/** The strategy's tasks/s ÷ the baseline's at one swept size, and the range the rounds' 95 % intervals allow. */
export const RATIO_POINT = v.object({
  size: num,
  ratio: figure,
  low: figure,
  /** Null when the baseline's interval reaches zero: the ratio is unbounded above. */
  high: v.nullable(figure),
  /** The baseline's time per task at this size, ms (1000 ÷ its tasks/s: one thread, saturated). */
  baselineTaskMs: figure,
});

/**
 * `crossed`: the ratio to the baseline rises through 1 once, between two swept sizes.
 * `always-faster` / `never-faster`: above / at or below 1 at every swept size.
 * `ambiguous`: the ratio crosses 1 more than once, or downwards (noise, or a real reversal).
 * `no-data`: no size at which both the strategy and the baseline completed.
 */
export const CROSSOVER_STATUS = v.picklist(['crossed', 'always-faster', 'never-faster', 'ambiguous', 'no-data']);

export const CROSSOVER = v.object({
  suite: str,
  strategy: str,
  runtime: str,
  /** Workers the strategy ran with in the sweep. */
  workers: count,
  /** The size from which the strategy is faster (interpolated on log size and log ratio); null unless `crossed`. */
  size: v.nullable(num),
  /** The baseline's time per task at `size`, ms (interpolated on log size and log time). */
  taskMs: v.nullable(figure),
  /**
   * Where the crossover may lie given the rounds' 95 % intervals: from where the
   * optimistic ratio (fastest strategy ÷ slowest baseline) crosses 1 to where the
   * pessimistic one does. A null end lies beyond the sweep on that side. Null unless `crossed`.
   */
  range: v.nullable(v.strictTuple([v.nullable(num), v.nullable(num)], 'a [low, high] pair, each a number or null')),
  status: CROSSOVER_STATUS,
  /** Every size where the median ratio crosses 1 (one for `crossed`, several for `ambiguous`). */
  crossings: v.array(num),
  /** Sizes to add to the sweep to find a crossover that lies outside it (empty when none is needed). */
  suggestedSizes: v.array(num),
  /** One line a reader can quote: "pays from fib 21.3 (tasks of 0.09 ms)". */
  note: str,
  ratios: v.array(RATIO_POINT),
});

export const SCALING_POINT = v.object({
  workers: count,
  tasksPerSec: figure,
  ci95: CI95,
  /** tasks/s ÷ the strategy's own 1-worker tasks/s; null when the sweep has no 1-worker point. */
  speedup: v.nullable(figure),
  /** tasks/s ÷ the baseline's (main-thread's) tasks/s; null without a baseline. */
  speedupOverBaseline: v.nullable(figure),
  /** speedup ÷ workers; null with speedup. */
  efficiency: v.nullable(figure),
  /** More workers than cores: a drop here is time-slicing, not coherency cost. */
  overCores: bool,
});

/** Universal Scalability Law: X(N) = λN / (1 + σ(N−1) + κN(N−1)). */
export const USL_FIT = v.object({
  /** Tasks/s of one worker with no contention. */
  lambda: figure,
  /** Contention (serial fraction). */
  sigma: figure,
  /** Coherency (crosstalk) cost. */
  kappa: figure,
  /** N* = √((1−σ)/κ), where throughput peaks; null when κ = 0 (no peak: the curve only flattens). */
  peakWorkers: v.nullable(figure),
  /** Root mean square of (fitted − measured) ÷ measured over the fitted points. */
  residual: figure,
  /** Worker counts the fit used (those at or below the core count). */
  workers: v.array(count),
});

/** Amdahl's law, the USL with κ = 0: X(N) = λN / (1 + σ(N−1)); σ is the serial fraction. */
export const AMDAHL_FIT = v.object({ lambda: figure, sigma: figure, residual: figure, workers: v.array(count) });

export const SCALING = v.object({
  suite: str,
  strategy: str,
  runtime: str,
  size: num,
  points: v.array(SCALING_POINT),
  usl: v.nullable(USL_FIT),
  /** Why there is no USL fit (too few points, every point above the core count…). */
  uslReason: v.optional(str),
  amdahl: v.nullable(AMDAHL_FIT),
  amdahlReason: v.optional(str),
});

/** The studies analysed from a sweep's cells into crossovers or scaling (the payload study: payload-study-schema.ts). */
export const SWEEP_STUDY_KIND = v.picklist(['size', 'workers']);

export const SWEEP_STUDY = v.object({
  kind: SWEEP_STUDY_KIND,
  baseline: str,
  /** Cores of the machine the study ran on (context.cpu.cores): the line between scaling and time-slicing. */
  cores: count,
  /** Size study: the swept sizes per suite. */
  sizes: v.optional(recordOf(v.array(num))),
  /** Workers study: the swept worker counts. */
  workersList: v.optional(v.array(count)),
  /** False when the run was interrupted: the analysis covers what was measured. */
  complete: bool,
  crossovers: v.array(CROSSOVER),
  scaling: v.array(SCALING),
  /** Two or three sentences per suite that a reviewer could paste into a design doc. */
  answer: v.array(str),
});

export type SweepStudyKind = v.InferOutput<typeof SWEEP_STUDY_KIND>;
export type CrossoverStatus = v.InferOutput<typeof CROSSOVER_STATUS>;
export type RatioPoint = v.InferOutput<typeof RATIO_POINT>;
export type Crossover = v.InferOutput<typeof CROSSOVER>;
export type ScalingPoint = v.InferOutput<typeof SCALING_POINT>;
export type UslFit = v.InferOutput<typeof USL_FIT>;
export type AmdahlFit = v.InferOutput<typeof AMDAHL_FIT>;
export type Scaling = v.InferOutput<typeof SCALING>;
export type Study = v.InferOutput<typeof SWEEP_STUDY>;

/**
 * The `study` block of a results file written by `bench study size|workers`: the analysis
 * of an ordinary run that swept sizes or worker counts. Every figure in it is derived
 * from the run's cells (reports/decide/study/), so a report can show it without re-running and
 * a reviewer can recompute it from the raw rounds stored beside it.
 */
import type { RunResult } from './results.js';

/** The studies analysed from a sweep's cells into crossovers or scaling (this file's Study). */
export type SweepStudyKind = 'size' | 'workers';
/** Every `bench study`: the two sweeps, and the payload study (its block: payload-study.ts). */
export type StudyKind = SweepStudyKind | 'payload';

/**
 * `crossed`: the ratio to the baseline rises through 1 once, between two swept sizes.
 * `always-faster` / `never-faster`: above / at or below 1 at every swept size.
 * `ambiguous`: the ratio crosses 1 more than once, or downwards (noise, or a real reversal).
 * `no-data`: no size at which both the strategy and the baseline completed.
 */
export type CrossoverStatus = 'crossed' | 'always-faster' | 'never-faster' | 'ambiguous' | 'no-data';

/** The strategy's tasks/s ÷ the baseline's at one swept size, and the range the rounds' 95 % intervals allow. */
export interface RatioPoint {
  size: number;
  ratio: number;
  low: number;
  /** Null when the baseline's interval reaches zero: the ratio is unbounded above. */
  high: number | null;
  /** The baseline's time per task at this size, ms (1000 ÷ its tasks/s: one thread, saturated). */
  baselineTaskMs: number;
}

export interface Crossover {
  suite: string;
  strategy: string;
  runtime: string;
  /** Workers the strategy ran with in the sweep. */
  workers: number;
  /** The size from which the strategy is faster (interpolated on log size and log ratio); null unless `crossed`. */
  size: number | null;
  /** The baseline's time per task at `size`, ms (interpolated on log size and log time). */
  taskMs: number | null;
  /**
   * Where the crossover may lie given the rounds' 95 % intervals: from where the
   * optimistic ratio (fastest strategy ÷ slowest baseline) crosses 1 to where the
   * pessimistic one does. A null end lies beyond the sweep on that side. Null unless `crossed`.
   */
  range: [number | null, number | null] | null;
  status: CrossoverStatus;
  /** Every size where the median ratio crosses 1 (one for `crossed`, several for `ambiguous`). */
  crossings: number[];
  /** Sizes to add to the sweep to find a crossover that lies outside it (empty when none is needed). */
  suggestedSizes: number[];
  /** One line a reader can quote: "pays from fib 21.3 (tasks of 0.09 ms)". */
  note: string;
  ratios: RatioPoint[];
}

export interface ScalingPoint {
  workers: number;
  tasksPerSec: number;
  ci95: [number, number];
  /** tasks/s ÷ the strategy's own 1-worker tasks/s; null when the sweep has no 1-worker point. */
  speedup: number | null;
  /** tasks/s ÷ the baseline's (main-thread's) tasks/s; null without a baseline. */
  speedupOverBaseline: number | null;
  /** speedup ÷ workers; null with speedup. */
  efficiency: number | null;
  /** More workers than cores: a drop here is time-slicing, not coherency cost. */
  overCores: boolean;
}

/** Universal Scalability Law: X(N) = λN / (1 + σ(N−1) + κN(N−1)). */
export interface UslFit {
  /** Tasks/s of one worker with no contention. */
  lambda: number;
  /** Contention (serial fraction). */
  sigma: number;
  /** Coherency (crosstalk) cost. */
  kappa: number;
  /** N* = √((1−σ)/κ), where throughput peaks; null when κ = 0 (no peak: the curve only flattens). */
  peakWorkers: number | null;
  /** Root mean square of (fitted − measured) ÷ measured over the fitted points. */
  residual: number;
  /** Worker counts the fit used (those at or below the core count). */
  workers: number[];
}

/** Amdahl's law, the USL with κ = 0: X(N) = λN / (1 + σ(N−1)); σ is the serial fraction. */
export interface AmdahlFit {
  lambda: number;
  sigma: number;
  residual: number;
  workers: number[];
}

export interface Scaling {
  suite: string;
  strategy: string;
  runtime: string;
  size: number;
  points: ScalingPoint[];
  usl: UslFit | null;
  /** Why there is no USL fit (too few points, every point above the core count…). */
  uslReason?: string;
  amdahl: AmdahlFit | null;
  amdahlReason?: string;
}

export interface Study {
  kind: SweepStudyKind;
  baseline: string;
  /** Cores of the machine the study ran on (context.cpu.cores): the line between scaling and time-slicing. */
  cores: number;
  /** Size study: the swept sizes per suite. */
  sizes?: Record<string, number[]>;
  /** Workers study: the swept worker counts. */
  workersList?: number[];
  /** False when the run was interrupted: the analysis covers what was measured. */
  complete: boolean;
  crossovers: Crossover[];
  scaling: Scaling[];
  /** Two or three sentences per suite that a reviewer could paste into a design doc. */
  answer: string[];
}

/** A results file with a study block; the block is absent in files of `bench run`. */
export type StudyRunResult = RunResult & { study?: Study };

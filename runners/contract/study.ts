/**
 * The `study` block of a results file written by `bench study size|workers`: the analysis
 * of an ordinary run that swept sizes or worker counts. Every figure in it is derived
 * from the run's cells (reports/decide/study/), so a report can show it without re-running and
 * a reviewer can recompute it from the raw rounds stored beside it.
 *
 * The shapes are declared once, as the loader's schemas in study-schema.ts; this file
 * re-exports the types derived from them and imports nothing at run time.
 */
import type { RunResult } from './results.js';
import type { Study, SweepStudyKind } from './study-schema.js';

export type {
  AmdahlFit,
  Crossover,
  CrossoverStatus,
  RatioPoint,
  Scaling,
  ScalingPoint,
  Study,
  SweepStudyKind,
  UslFit,
} from './study-schema.js';

/** Every `bench study`: the two sweeps, and the payload study (its block: payload-study.ts). */
export type StudyKind = SweepStudyKind | 'payload';

/** A results file with a sweep's study block; the block is absent in files of `bench run`. */
export type StudyRunResult = RunResult & { study?: Study };

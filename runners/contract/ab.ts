/**
 * The `ab` block of a results file written by `bench ab`: two sides of one workload (a suite
 * file and its old version, or this checkout and a git ref) measured in the same job, their
 * rounds interleaved in a random order within each block (ABBA, BAAB, …) so drift and other
 * load hit both alike. Every decision in it is derived from the paired rounds stored beside
 * it (reports/decide/ab/), so a reviewer can recompute it.
 *
 * The results file's top-level `cells` hold side B's (the head's) aggregated cells, so
 * `bench report`, `compare` and `history` read an A/B run as an ordinary run of the head.
 *
 * The shapes are declared once, as the loader's schemas in ab-schema.ts; this file
 * re-exports the types derived from them and imports nothing at run time, so the
 * orchestrator and reports can name them without loading the schema library.
 */
export type {
  AbCalibration,
  AbCell,
  AbDecision,
  AbMetric,
  AbRound,
  AbSide,
  AbSideInfo,
  AbStudy,
  AbVerdict,
} from './ab-schema.js';

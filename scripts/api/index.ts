/**
 * The package entry, for code that embeds bench (`import { run, loadResults } from 'bench'`)
 * and for suite authors' types (a JSDoc `@type {import('bench').Suite}`). The CLI's
 * `bench run` measures through the same functions as `run` (measure.ts).
 */
export { run, type RunOptions } from './run.js';
export { loadResults, ResultsFileError } from '../../reports/load-results.js';
export type { Suite, TypedArray, Value } from '../../suites/suite.js';
export type {
  CellResult,
  CompletedCell,
  ErroredCell,
  LatencySummary,
  MeasurementWarning,
  RunConfig,
  RunContext,
  RunResult,
  SkippedCell,
} from '../../runners/contract/results.js';

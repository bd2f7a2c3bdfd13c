/**
 * The results contract (schema v2): the one place RunResult and CellResult are typed.
 * The shapes are declared once, as the loader's schemas in results-schema.ts; this file
 * re-exports the types derived from them, and imports nothing at run time, so cell
 * processes can import it without loading the schema library.
 * Reports read only these types; every figure they show is traceable to `rounds`.
 */

export type {
  CellKey,
  CellResult,
  CompletedCell,
  DelaySummary,
  ErroredCell,
  EventLoopDelay,
  HttpCompletedCell,
  HttpErrorCounts,
  HttpLatency,
  HttpLoadConfig,
  HttpNoop,
  HttpPhases,
  HttpServerCounters,
  LatencySummary,
  MeasurementWarning,
  PayloadFigures,
  CellPhases,
  PhaseSamples,
  PhaseSummary,
  RoundPhases,
  RoundCpu,
  DisturbedRound,
  RoundSample,
  RunConfig,
  RunContext,
  RunResult,
  Scenario,
  SkippedCell,
} from './results-schema.js';
import type { CellKey } from './results-schema.js';

/** v2 made the fields v1 files may lack explicit; reports/migrate-v1.ts fills them in v1 files. */
export const SCHEMA_VERSION = 2;

/** The runtimes this harness hosts cells on. A loaded file types runtime names as strings. */
export type RuntimeName = 'node' | 'bun' | 'bun-smol' | 'deno';

/** The key of a `bench run` cell the harness plans: it names a runtime this harness knows. */
export type BatchCellKey = CellKey & { scenario: 'batch'; runtime: RuntimeName };

/** The warnings this harness raises. A loaded file types `kind` as a string. */
export type WarningKind =
  | 'high-variance'
  | 'two-modes'
  | 'short-task'
  | 'startup-dominates'
  | 'machine-load'
  | 'timing-env'
  | 'few-rounds'
  | 'http-overload'
  | 'http-errors'
  | 'class-output';

/**
 * The results contract (schema v1): the one place RunResult and CellResult are typed.
 * Reports read only these types; every figure they show is traceable to `rounds`.
 */

export const SCHEMA_VERSION = 1;

export type RuntimeName = 'node' | 'bun' | 'deno';

export interface RunContext {
  runtime: { name: RuntimeName; version: string };
  os: { platform: string; release: string; arch: string };
  /** cores = os.availableParallelism(): what the harness may actually use. */
  cpu: { model: string; cores: number };
  memoryBytes: number;
  hostname: string;
  /** Git commit of the harness, or null outside a repository. */
  commit: string | null;
  harnessVersion: string;
  /** 1-minute load average when the run started: other load skews every figure. */
  loadAverage1m: number;
  /** Environment variables known to distort timings (e.g. NODE_EXTRA_CA_CERTS), as found. */
  timingEnv: Record<string, string>;
  commandLine: string[];
}

export interface RunConfig {
  suites: string[];
  /** Suite name → the size measured. */
  sizes: Record<string, number>;
  strategies: string[];
  workers: number;
  /** Scheduling-priority decrease of worker threads and child processes (Linux nice); absent = 0. */
  workerNice?: number;
  rounds: number;
  quick: boolean;
  /** Time budget of each measured phase (unloaded latency, saturated batch), ms. */
  phaseMs: number;
  cellTimeoutMs: number;
  seed: number;
}

/** What identifies a cell across rounds and across runs. */
export interface CellKey {
  scenario: 'batch';
  suite: string;
  size: number;
  strategy: string;
  runtime: RuntimeName;
  workers: number;
}

export interface DelaySummary {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface EventLoopDelay extends DelaySummary {
  /** `histogram`: perf_hooks.monitorEventLoopDelay less its resolution; `timer-drift`: a setTimeout probe. */
  method: 'histogram' | 'timer-drift';
}

/** The raw measurements of one round: one fresh process. Aggregates are derived from these. */
export interface RoundSample {
  round: number;
  /** Tasks in the saturated batch, and its wall time. tasksPerSec = tasks / (wallMs / 1000). */
  tasks: number;
  wallMs: number;
  tasksPerSec: number;
  /** Unloaded latency: one task in flight at a time (tinybench samples). */
  latencySamplesMs: number[];
  /** Submit → complete time of each task in the saturated batch. */
  loadedLatencySamplesMs: number[];
  eventLoopDelay: EventLoopDelay;
  /** Spawn → ready time of every worker or child the strategy started. */
  startupSamplesMs: number[];
  /** Peak RSS of the cell process plus its child processes. */
  peakRssBytes: number;
  /** Outputs checked with the suite's `verify` (all of them). */
  verifiedOutputs: number;
}

export interface LatencySummary {
  meanMs: number;
  p50Ms: number;
  p75Ms: number;
  p99Ms: number;
  maxMs: number;
  count: number;
}

export interface CompletedCell extends CellKey {
  status: 'completed';
  verified: true;
  /** Median over rounds; ci95 is a Student-t interval of the mean over rounds. */
  throughput: { tasksPerSec: number; ci95: [number, number]; rounds: number[] };
  /** Percentiles of all rounds' samples pooled. */
  latency: LatencySummary;
  loadedLatency: DelaySummary;
  /** Median of the rounds' percentiles; max is the largest seen. */
  eventLoopDelay: EventLoopDelay;
  /** Median spawn → ready time; null for strategies that start nothing. */
  startupMs: number | null;
  memory: { peakRssBytes: number };
  rounds: RoundSample[];
}

export interface ErroredCell extends CellKey {
  status: 'errored';
  verified: false;
  error: { message: string; round: number };
  /** Rounds that did complete before the error, kept for inspection. */
  rounds: RoundSample[];
}

export interface SkippedCell extends CellKey {
  status: 'skipped';
  verified: false;
  reason: string;
}

export type CellResult = CompletedCell | ErroredCell | SkippedCell;

export type WarningKind =
  | 'high-variance'
  | 'short-task'
  | 'startup-dominates'
  | 'machine-load'
  | 'timing-env'
  | 'few-rounds';

export interface MeasurementWarning {
  kind: WarningKind;
  message: string;
  /** What to change to get a trustworthy figure. */
  hint: string;
  /** The cell it is about, if any. */
  cell?: Pick<CellKey, 'suite' | 'size' | 'strategy' | 'runtime'>;
}

export interface RunResult {
  schemaVersion: typeof SCHEMA_VERSION;
  runId: string;
  createdAt: string;
  /** False when the run was interrupted (Ctrl-C): what was measured is kept. */
  complete: boolean;
  interruptedBy?: string;
  context: RunContext;
  config: RunConfig;
  cells: CellResult[];
  warnings: MeasurementWarning[];
}

/**
 * The results contract (schema v1): the one place RunResult and CellResult are typed.
 * Reports read only these types; every figure they show is traceable to `rounds`.
 */

import type { RuntimeProbe } from './capabilities.js';

export const SCHEMA_VERSION = 1;

export type RuntimeName = 'node' | 'bun' | 'bun-smol' | 'deno';

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
  /**
   * Per runtime the cells ran on: version, binary, capability probe, worker and fork
   * start-up, and the thread API the cells used. Absent in files from before runtimes.
   */
  runtimes?: Record<string, RuntimeProbe>;
}

export interface RunConfig {
  /** Which measurement made the run; absent in files written before the HTTP scenario = 'batch'. */
  scenario?: Scenario;
  suites: string[];
  /** Runtimes hosting the cells ('bun-smol': bun --smol with smol workers); absent = the CLI's. */
  runtimes?: RuntimeName[];
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
  /** The load of an HTTP run (scenario 'http'); absent for batch runs. */
  http?: HttpLoadConfig;
}

/** How `bench http` drove each strategy's server. */
export interface HttpLoadConfig {
  connections: number;
  /** Requests in flight per connection (HTTP/1.1 pipelining); 1 = none. */
  pipelining: number;
  /** Length of the measured window, or null when it ran for `amount` requests. */
  durationMs: number | null;
  amount: number | null;
  /** Untimed load before the measured window (JIT, pool start-up, first verifications). */
  warmupMs: number;
  /** Whether GET /health was probed during the measured window. */
  healthProbe: boolean;
  /** Pause between two /health probes, ms (one probe in flight at a time). */
  healthIntervalMs: number;
  /** Requests that may wait beyond the ones running; past it the server answers 503. */
  maxQueue: number;
  /** A request unanswered for this long counts as a timeout, ms. */
  requestTimeoutMs: number;
}

/**
 * `batch`: tasks submitted straight to the strategy's executor (`bench run`).
 * `http`: each task is a request to a server built on the strategy (`bench http`).
 */
export type Scenario = 'batch' | 'http';

/** What identifies a cell across rounds and across runs. */
export interface CellKey {
  scenario: Scenario;
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
  /**
   * `histogram`: perf_hooks.monitorEventLoopDelay less what it reads on an idle loop (the
   * runtime's `eventLoopFloorMs` in context.runtimes); `timer-drift`: a setTimeout probe.
   */
  method: 'histogram' | 'timer-drift';
}

/** The raw measurements of one round: one fresh process. Aggregates are derived from these. */
export interface RoundSample {
  round: number;
  /** Tasks in the saturated batch, and its wall time. tasksPerSec = tasks / (wallMs / 1000). */
  tasks: number;
  wallMs: number;
  tasksPerSec: number;
  /** Unloaded latency: one task in flight at a time (tinybench samples), thinned evenly to at most 2,000. */
  latencySamplesMs: number[];
  /**
   * Mean and count of the unloaded latency samples before thinning: thinning keeps the
   * extremes, so a mean of the thinned samples would overweight the tail. Absent in
   * files written before they were recorded (the mean then comes from the thinned samples).
   */
  latencyMeanMs?: number;
  latencyCount?: number;
  /** Submit → complete time of each task in the saturated batch. */
  loadedLatencySamplesMs: number[];
  eventLoopDelay: EventLoopDelay;
  /** Spawn → ready time of every worker or child the strategy started. */
  startupSamplesMs: number[];
  /** Peak RSS of the cell process plus its child processes. */
  peakRssBytes: number;
  /** Outputs checked with the suite's `verify` (all of them). */
  verifiedOutputs: number;
  /**
   * Share (0–1) of the machine's CPU that processes other than the harness and this cell
   * used while the cell's process ran: above a few percent, another program skewed the
   * round. Null where it cannot be read (not Linux); absent in files written before it was recorded.
   */
  foreignCpuShare?: number | null;
}

export interface LatencySummary {
  /** Over every sample of every round (the rounds' latencyMeanMs weighted by latencyCount). */
  meanMs: number;
  p50Ms: number;
  p75Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Samples measured in all rounds (before thinning). */
  count: number;
}

/** The key of a `bench run` cell. */
export type BatchCellKey = CellKey & { scenario: 'batch' };

/** A completed batch cell (`bench run`); HTTP cells are HttpCompletedCell. */
export interface CompletedCell extends CellKey {
  scenario: 'batch';
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

/** A cell of either scenario that failed; an HTTP cell has one round and no batch rounds. */
export interface ErroredCell extends CellKey {
  status: 'errored';
  verified: false;
  error: { message: string; round: number };
  /** Batch rounds that did complete before the error, kept for inspection (always empty for HTTP). */
  rounds: RoundSample[];
}

export interface SkippedCell extends CellKey {
  status: 'skipped';
  verified: false;
  reason: string;
}

export type CellResult = CompletedCell | HttpCompletedCell | ErroredCell | SkippedCell;

/** Latency of answered requests, from the load generator's sub-millisecond samples. */
export interface HttpLatency {
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Responses measured (before thinning); the mean is over all of them, not the thinned samples. */
  count: number;
}

/** What went wrong, counted on each side; nothing is dropped silently. */
export interface HttpErrorCounts {
  /** Connection errors seen by the load generator, timeouts included (autocannon's `errors`). */
  errors: number;
  timeouts: number;
  /** Responses with a status outside 2xx, the 503s and 500s below included. */
  non2xx: number;
  /** 503 answers with Retry-After: the bounded queue was full. */
  overloaded: number;
  /** 5xx answers other than 503: a task threw, or its worker crashed mid-request. */
  serverErrors: number;
}

/** The server's own view of the measured window (cluster: summed over its processes). */
export interface HttpServerCounters {
  /** Task requests answered 200, each with a verified output. */
  answered: number;
  overloaded: number;
  /** Tasks that threw or whose worker or child died (answered 500). */
  failed: number;
  /** /health requests answered. */
  health: number;
  /** Outputs checked with the suite's verify, or equal to an output it accepted. */
  verifiedOutputs: number;
}

/** A completed HTTP cell (`bench http`): one strategy's server under one load. */
export interface HttpCompletedCell extends CellKey {
  scenario: 'http';
  status: 'completed';
  /** Every 200 answer carried an output the server verified; a wrong output errors the cell. */
  verified: true;
  requests: {
    /** 2xx responses per second of the measured window: 503s (fast refusals) do not count. */
    perSec: number;
    /** 2xx responses in the window, and all responses whatever their status. */
    ok: number;
    total: number;
    wallMs: number;
  };
  /** 2xx responses only, so cheap refusals do not flatter the figures. Computed from `samples.latencyMs`. */
  latency: HttpLatency;
  errors: HttpErrorCounts;
  /** The server's main thread (cluster: its worst process), less the probe's resolution. */
  eventLoopDelay: EventLoopDelay;
  /** GET /health latency during the window (null without --health-probe). Computed from `samples.healthMs`. */
  health: (DelaySummary & { count: number; failures: number }) | null;
  /** Median spawn → ready of the server's workers, children or cluster processes; null for main-thread. */
  startupMs: number | null;
  /** Peak RSS of the server process plus all its descendants. */
  memory: { peakRssBytes: number };
  server: HttpServerCounters;
  /**
   * Share (0–1) of the machine's CPU that processes other than the harness and the server
   * used during the window: above a few percent, another program skewed this cell. Null
   * where it cannot be read (not Linux); absent in files written before it was recorded.
   */
  foreignCpuShare?: number | null;
  /** Raw samples (ascending, thinned evenly to at most 2,000 each) every latency figure is computed from. */
  samples: { latencyMs: number[]; healthMs: number[] };
}

export type WarningKind =
  | 'high-variance'
  | 'short-task'
  | 'startup-dominates'
  | 'machine-load'
  | 'timing-env'
  | 'few-rounds'
  | 'http-overload'
  | 'http-errors';

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

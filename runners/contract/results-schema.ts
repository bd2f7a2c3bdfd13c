/**
 * The results contract (schema v2), declared once. The loader validates files with these
 * schemas and results.ts exports the types derived from them, so the two cannot drift.
 * The parts other blocks share or that are long have files of their own, composed here:
 * the cell key and a round (round-schema.ts), the phases (phases-schema.ts), and the
 * `study` and `ab` blocks (study-schema.ts, payload-study-schema.ts, ab-schema.ts).
 *
 * Only the loader, the migration and tests import these files at run time: cell processes,
 * transports and servers import results.ts (and study.ts, ab.ts…), which import their types
 * only, so they never load the schema library.
 *
 * Why valibot: cold import, median of 7 `node -e` dynamic imports on the 2-core dev VM
 * (Node 20), was 6 ms for valibot 1.5, 59 ms for zod 4.6, 68–104 ms for zod/mini and
 * 96–121 ms for @sinclair/typebox 0.34 with its Value module (typebox 1.4: ~400 ms); every
 * `bench report`/`compare`/`merge` pays it. Installed: valibot 1.9 MB in 9 files, no
 * dependencies; zod 6.3 MB in 840 files; @sinclair/typebox 2.8 MB in 1,074 files.
 */
import * as v from 'valibot';
import { SCHEMA_VERSION } from './results.js';
import { bool, count, figure, num, ordered, recordOf, samples, share, str } from './schema-primitives.js';
import { CELL_PHASES, HTTP_PHASES } from './phases-schema.js';
import {
  CELL_KEY,
  DELAY_ENTRIES,
  DELAY_SUMMARY,
  EVENT_LOOP_DELAY,
  KEY,
  PAYLOAD_FIGURES,
  ROUND_CPU,
  ROUND_SAMPLE,
  SCENARIO,
} from './round-schema.js';
import { SWEEP_STUDY } from './study-schema.js';
import { PAYLOAD_STUDY } from './payload-study-schema.js';
import { AB_STUDY } from './ab-schema.js';

export { CELL_PHASES, HTTP_PHASES, PHASE_SAMPLES, PHASE_SUMMARY, ROUND_PHASES } from './phases-schema.js';
export type { CellPhases, HttpPhases, PhaseSamples, PhaseSummary, RoundPhases } from './phases-schema.js';
export { CELL_KEY, DELAY_SUMMARY, EVENT_LOOP_DELAY, PAYLOAD_FIGURES, ROUND_SAMPLE };

/**
 * What reports and `--auto-rerun` read back of a runtime's capability probe (RuntimeProbe in
 * capabilities.ts): the rest of it (capabilities, start-up times) is kept as written.
 */
const RECORDED_PROBE = v.object({ runtime: str, version: str, path: str });

// Runtime names are strings, not RuntimeName, here and in CellKey: a report should still
// render a file from a harness that learned a new runtime.
export const RUN_CONTEXT = v.object({
  runtime: v.object({ name: str, version: str }),
  os: v.object({ platform: str, release: str, arch: str }),
  /** cores = os.availableParallelism(): what the harness may actually use. */
  cpu: v.object({ model: str, cores: count }),
  memoryBytes: figure,
  hostname: str,
  /** Git commit of the harness, or null outside a repository. */
  commit: v.nullable(str),
  harnessVersion: str,
  /** 1-minute load average when the run started: other load skews every figure. */
  loadAverage1m: figure,
  /** Environment variables known to distort timings (e.g. NODE_EXTRA_CA_CERTS), as found. */
  timingEnv: recordOf(str),
  commandLine: v.array(str),
  /** Per runtime the cells ran on, its probe; {} in files migrated from before runtimes. */
  runtimes: recordOf(RECORDED_PROBE),
  /** Peer pool packages the run's strategies used (piscina, tinypool, poolifier) → installed version. */
  peers: v.optional(recordOf(str)),
});

/** How `bench http` drove each strategy's server. */
export const HTTP_LOAD_CONFIG = v.object({
  connections: count,
  /** Requests in flight per connection (HTTP/1.1 pipelining); 1 = none. */
  pipelining: count,
  /** Length of the measured window, or null when it ran for `amount` requests. */
  durationMs: v.nullable(figure),
  amount: v.nullable(count),
  /** Untimed load before the measured window (JIT, pool start-up, first verifications). */
  warmupMs: figure,
  /** Whether GET /health was probed during the measured window. */
  healthProbe: bool,
  /** Pause between two /health probes, ms (one probe in flight at a time). */
  healthIntervalMs: figure,
  /** Requests that may wait beyond the ones running; past it the server answers 503. */
  maxQueue: count,
  /** A request unanswered for this long counts as a timeout, ms. */
  requestTimeoutMs: figure,
  /** --workers-list: the strategies that use workers ran at each of these counts (main-thread once). Absent: config.workers. */
  workersList: v.optional(v.array(count)),
});

export const RUN_CONFIG = v.object({
  /** Which measurement made the run. */
  scenario: SCENARIO,
  suites: v.array(str),
  /** Runtimes hosting the cells ('bun-smol': bun --smol with smol workers). */
  runtimes: v.array(str),
  /** Suite name → the size measured. */
  sizes: recordOf(num),
  strategies: v.array(str),
  workers: count,
  /** Scheduling-priority decrease of worker threads and child processes (Linux nice). */
  workerNice: num,
  rounds: count,
  quick: bool,
  /** Time budget of each measured phase (unloaded latency, saturated batch), ms. */
  phaseMs: figure,
  cellTimeoutMs: figure,
  seed: num,
  /** The load of an HTTP run (scenario 'http'); absent for batch runs. */
  http: v.optional(HTTP_LOAD_CONFIG),
  /** --in-flight-per-worker: tasks each worker may hold at once; absent: each strategy's own. */
  inFlightPerWorker: v.optional(count),
  /** Heap limit of each worker and child (MiB), so a suite that runs out of memory fails its cell, not the CLI. */
  maxHeapMb: v.optional(figure),
  /** --transport: the transports asked for (strategies.ts TRANSPORTS); absent: each strategy's default. */
  transports: v.optional(v.array(str)),
  /** --phases: each task's latency was split into phases (spawn, queue, send, run, return). */
  phases: v.optional(bool),
  /**
   * A sequential run (runners/orchestrate/sequential-stop.ts): it made `rounds` blocks, then added
   * blocks until every answer was settled, up to `maxRounds` blocks or `maxTimeMs` of run time.
   * Absent: the run made `rounds` blocks and stopped.
   */
  maxRounds: v.optional(count),
  maxTimeMs: v.optional(figure),
  /**
   * --disturbed-above: a round whose interference (or, where that is unknown, foreign CPU share)
   * passed this share was kept in its cell's `disturbedRounds`, left out of the figures, and
   * measured again. Absent: no round was redone.
   */
  disturbedAbove: v.optional(share),
});

/** A merged file's cells name the context they were measured in (reports/cell-context.ts). */
const CONTEXT_ID = { contextId: v.optional(str) };

export const LATENCY_SUMMARY = ordered(
  {
    /** Over every sample of every round (the rounds' latencyMeanMs weighted by latencyCount). */
    meanMs: figure,
    p50Ms: figure,
    p75Ms: figure,
    p99Ms: figure,
    maxMs: figure,
    /** Samples measured in all rounds (before thinning). */
    count,
  },
  'p50Ms',
  'p75Ms',
  'p99Ms',
  'maxMs',
);

/** A round left out of its cell's figures: `disturbed` says why ("interference 31 % > 5 %"). */
export const DISTURBED_ROUND = v.object({ ...ROUND_SAMPLE.entries, disturbed: str });

/** A completed batch cell (`bench run`). */
export const COMPLETED_CELL = v.object({
  ...KEY,
  ...CONTEXT_ID,
  scenario: v.literal('batch'),
  status: v.literal('completed'),
  verified: v.literal(true),
  /** Median over rounds; ci95 is a Student-t interval of the mean over rounds. */
  throughput: v.object({
    tasksPerSec: figure,
    ci95: v.pipe(
      v.strictTuple([num, num], 'a [low, high] pair'),
      v.check(
        ([low, high]) => low <= high,
        (issue) => `a [low, high] pair with low ≤ high, found [${issue.input.join(', ')}]`,
      ),
    ),
    rounds: v.array(figure),
  }),
  /** Percentiles of all rounds' samples pooled. */
  latency: LATENCY_SUMMARY,
  loadedLatency: DELAY_SUMMARY,
  /** Median of the rounds' percentiles; max is the largest seen. */
  eventLoopDelay: EVENT_LOOP_DELAY,
  /** Median spawn → ready time (setup() included, where the suite has one); null for strategies that start nothing. */
  startupMs: v.nullable(figure),
  /** Median setup() time of the hosts that ran it (the rounds' setupSamplesMs); absent for a suite without setup. */
  setupMs: v.optional(figure),
  memory: v.object({ peakRssBytes: figure }),
  /** --phases: the unloaded latency split into phases (the `latency` figures' tasks), from the rounds' samples. */
  phases: v.optional(CELL_PHASES),
  /** --phases: the saturated batch's submit → complete split into phases (where queue wait is real). */
  loadedPhases: v.optional(CELL_PHASES),
  rounds: v.array(ROUND_SAMPLE),
  /** Rounds another program disturbed (RUN_CONFIG.disturbedAbove), each measured again: kept, out of every figure. */
  disturbedRounds: v.optional(v.array(DISTURBED_ROUND)),
});

/** Latency of answered requests, from the load generator's sub-millisecond samples. */
export const HTTP_LATENCY = ordered(
  {
    meanMs: figure,
    p50Ms: figure,
    p90Ms: figure,
    p99Ms: figure,
    maxMs: figure,
    /** Responses measured (before thinning); the mean is over all of them, not the thinned samples. */
    count,
  },
  'p50Ms',
  'p90Ms',
  'p99Ms',
  'maxMs',
);

/** What went wrong, counted on each side; nothing is dropped silently. */
export const HTTP_ERROR_COUNTS = v.object({
  /** Connection errors seen by the load generator, timeouts included (autocannon's `errors`). */
  errors: count,
  timeouts: count,
  /** Responses with a status outside 2xx, the 503s and 500s below included. */
  non2xx: count,
  /** 503 answers with Retry-After: the bounded queue was full. */
  overloaded: count,
  /** 5xx answers other than 503: a task threw, or its worker crashed mid-request. */
  serverErrors: count,
});

/** The server's own view of the measured window (cluster: summed over its processes). */
export const HTTP_SERVER_COUNTERS = v.object({
  /** Task requests answered 200, each with a verified output. */
  answered: count,
  overloaded: count,
  /** Tasks that threw or whose worker or child died (answered 500). */
  failed: count,
  /** /health requests answered. */
  health: count,
  /** Outputs checked with the suite's verify, or equal to an output it accepted. */
  verifiedOutputs: count,
});

/** A completed HTTP cell (`bench http`): one strategy's server under one load. */
export const HTTP_COMPLETED_CELL = v.object({
  ...KEY,
  ...CONTEXT_ID,
  scenario: v.literal('http'),
  status: v.literal('completed'),
  /** Every 200 answer carried an output the server verified; a wrong output errors the cell. */
  verified: v.literal(true),
  requests: ordered(
    {
      /** 2xx responses per second of the measured window: 503s (fast refusals) do not count. */
      perSec: figure,
      /** 2xx responses in the window, and all responses whatever their status. */
      ok: count,
      total: count,
      wallMs: figure,
    },
    'ok',
    'total',
  ),
  /** 2xx responses only, so cheap refusals do not flatter the figures. Computed from `samples.latencyMs`. */
  latency: HTTP_LATENCY,
  errors: HTTP_ERROR_COUNTS,
  /** The server's main thread (cluster: its worst process), less the probe's resolution. */
  eventLoopDelay: EVENT_LOOP_DELAY,
  /** GET /health latency during the window (null without --health-probe). Computed from `samples.healthMs`. */
  health: v.nullable(ordered({ ...DELAY_ENTRIES, count, failures: count }, 'p50Ms', 'p99Ms', 'maxMs')),
  /** Median spawn → ready of the server's workers, children or cluster processes; null for main-thread. */
  startupMs: v.nullable(figure),
  /** Peak RSS of the server process plus all its descendants. */
  memory: v.object({ peakRssBytes: figure }),
  server: HTTP_SERVER_COUNTERS,
  /**
   * Share (0–1) of the machine's CPU that processes other than the harness and the server
   * used during the window: above a few percent, another program skewed this cell. Null
   * where it cannot be read (not Linux) or was not recorded (migrated files).
   */
  foreignCpuShare: v.nullable(share),
  /** Raw samples (ascending, thinned evenly to at most 2,000 each) every latency figure is computed from. */
  samples: v.object({ latencyMs: samples, healthMs: samples }),
  /** --phases: the requests' tasks split into phases, and the server's own parse and respond time (HTTP_PHASES). */
  phases: v.optional(HTTP_PHASES),
});

/**
 * `bench http`: what one runtime's server serves with no strategy behind it — GET /noop,
 * answered at once on its main thread — under the run's connections and pipelining (warm-up
 * and window capped at 1 s and 3 s): the server's own cost, so a reader can tell it from the
 * strategies'. Computed from `samples.latencyMs` as a cell's. In a merged file each names, as a
 * cell does, the context (the run) it was measured in: two machines' Node servers stay apart.
 */
export const HTTP_NOOP = v.variant('status', [
  v.object({
    runtime: str,
    ...CONTEXT_ID,
    status: v.literal('completed'),
    requests: ordered({ perSec: figure, ok: count, total: count, wallMs: figure }, 'ok', 'total'),
    latency: HTTP_LATENCY,
    samples: v.object({ latencyMs: samples }),
  }),
  v.object({ runtime: str, ...CONTEXT_ID, status: v.literal('errored'), error: str }),
]);

/** A cell of either scenario that failed; an HTTP cell has one round and no batch rounds. */
export const ERRORED_CELL = v.object({
  ...KEY,
  ...CONTEXT_ID,
  status: v.literal('errored'),
  verified: v.literal(false),
  error: v.object({ message: str, round: count }),
  /** Batch rounds that did complete before the error, kept for inspection (always empty for HTTP). */
  rounds: v.array(ROUND_SAMPLE),
  disturbedRounds: v.optional(v.array(DISTURBED_ROUND)),
});

export const SKIPPED_CELL = v.object({
  ...KEY,
  ...CONTEXT_ID,
  status: v.literal('skipped'),
  verified: v.literal(false),
  reason: str,
});

/** By status, then (completed cells) by scenario: the two kinds of completed cell hold different figures. */
export const CELL_RESULT = v.variant('status', [v.variant('scenario', [COMPLETED_CELL, HTTP_COMPLETED_CELL]), ERRORED_CELL, SKIPPED_CELL]);

// `kind` is a string, not WarningKind: a report should still show a warning a newer harness raised.
export const MEASUREMENT_WARNING = v.object({
  kind: str,
  message: str,
  /** What to change to get a trustworthy figure. */
  hint: str,
  /** The cell it is about, if any. */
  cell: v.optional(v.object({ suite: str, size: num, strategy: str, runtime: str, transport: v.optional(str) })),
});

export const RUN_RESULT = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  runId: str,
  createdAt: str,
  /** False when the run was interrupted (Ctrl-C): what was measured is kept. */
  complete: bool,
  /** What interrupted it (a signal's name); a merged file: each interrupted source's, ', '-joined. */
  interruptedBy: v.optional(str),
  /**
   * Processes the harness ended because they outlived the cell, server or build that started
   * them (detached helpers, a pool's children, anything a cgroup or the supervisor still held):
   * 0 when nothing was left. Absent in files written before it was counted; a merged file holds
   * its sources' sum where every source counted it.
   */
  reaped: v.optional(count),
  /** A merged file (`bench merge`): the first source's context; each cell may name its own. */
  context: RUN_CONTEXT,
  config: RUN_CONFIG,
  cells: v.array(CELL_RESULT),
  warnings: v.array(MEASUREMENT_WARNING),
  /** A merged file's source contexts, by id, and the files it was made from (reports/cell-context.ts). */
  contexts: v.optional(recordOf(RUN_CONTEXT)),
  mergedFrom: v.optional(v.array(v.object({ file: str, runId: str }))),
  /**
   * A study's analysis (`bench study`), derived from the cells: a sweep's (study-schema.ts) or
   * a payload study's (payload-study-schema.ts), told apart by `kind`. `bench merge` refuses a
   * file with a `study` or an `ab` block: each is derived from its own run's cells alone.
   */
  study: v.optional(v.variant('kind', [SWEEP_STUDY, PAYLOAD_STUDY])),
  /** An A/B run's two sides, their paired rounds and decisions (`bench ab`; ab-schema.ts). */
  ab: v.optional(AB_STUDY),
  /** `bench http`: each runtime's server alone (GET /noop, HTTP_NOOP), in the order the runtimes ran. */
  noop: v.optional(v.array(HTTP_NOOP)),
});

export type RunContext = v.InferOutput<typeof RUN_CONTEXT>;
export type HttpLoadConfig = v.InferOutput<typeof HTTP_LOAD_CONFIG>;
export type RunConfig = v.InferOutput<typeof RUN_CONFIG>;
export type Scenario = v.InferOutput<typeof SCENARIO>;
export type CellKey = v.InferOutput<typeof CELL_KEY>;
export type DelaySummary = v.InferOutput<typeof DELAY_SUMMARY>;
export type EventLoopDelay = v.InferOutput<typeof EVENT_LOOP_DELAY>;
export type RoundSample = v.InferOutput<typeof ROUND_SAMPLE>;
export type RoundCpu = v.InferOutput<typeof ROUND_CPU>;
export type DisturbedRound = v.InferOutput<typeof DISTURBED_ROUND>;
export type PayloadFigures = v.InferOutput<typeof PAYLOAD_FIGURES>;
export type LatencySummary = v.InferOutput<typeof LATENCY_SUMMARY>;
export type CompletedCell = v.InferOutput<typeof COMPLETED_CELL>;
export type HttpLatency = v.InferOutput<typeof HTTP_LATENCY>;
export type HttpErrorCounts = v.InferOutput<typeof HTTP_ERROR_COUNTS>;
export type HttpServerCounters = v.InferOutput<typeof HTTP_SERVER_COUNTERS>;
export type HttpCompletedCell = v.InferOutput<typeof HTTP_COMPLETED_CELL>;
export type HttpNoop = v.InferOutput<typeof HTTP_NOOP>;
export type ErroredCell = v.InferOutput<typeof ERRORED_CELL>;
export type SkippedCell = v.InferOutput<typeof SKIPPED_CELL>;
export type CellResult = v.InferOutput<typeof CELL_RESULT>;
export type MeasurementWarning = v.InferOutput<typeof MEASUREMENT_WARNING>;
export type RunResult = v.InferOutput<typeof RUN_RESULT>;

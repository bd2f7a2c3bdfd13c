/**
 * The schemas of what identifies a cell and of one round's raw measurements, apart from
 * results-schema.ts because the `ab` block (ab-schema.ts) holds both too: results-schema.ts
 * imports ab-schema.ts, so these cannot live there without an import cycle, in which one
 * module would read the other's constants before they exist.
 */
import * as v from 'valibot';
import { count, figure, num, ordered, samples, share, str } from './schema-primitives.js';
import { ROUND_PHASES } from './phases-schema.js';

/**
 * `batch`: tasks submitted straight to the strategy's executor (`bench run`).
 * `http`: each task is a request to a server built on the strategy (`bench http`).
 */
export const SCENARIO = v.picklist(['batch', 'http']);

/**
 * What identifies a cell across rounds and across runs. `transport`: how its payloads
 * travelled; absent in files from before transports were a choice, which means the
 * strategy's default (runners/contract/cell-id.ts pairs the two).
 */
export const KEY = {
  scenario: SCENARIO,
  suite: str,
  size: num,
  strategy: str,
  runtime: str,
  workers: count,
  transport: v.optional(str),
};
export const CELL_KEY = v.object(KEY);

export const DELAY_ENTRIES = { p50Ms: figure, p99Ms: figure, maxMs: figure };
export const DELAY_SUMMARY = ordered(DELAY_ENTRIES, 'p50Ms', 'p99Ms', 'maxMs');

export const EVENT_LOOP_DELAY = ordered(
  {
    ...DELAY_ENTRIES,
    /**
     * `histogram`: perf_hooks.monitorEventLoopDelay less what it reads on an idle loop (the
     * runtime's `eventLoopFloorMs` in context.runtimes); `timer-drift`: a setTimeout probe.
     */
    method: v.picklist(['histogram', 'timer-drift']),
  },
  'p50Ms',
  'p99Ms',
  'maxMs',
);

/**
 * What a payload study needs beside the round trip (`bench study payload`), measured in the
 * cell after the timed phases: bytes each way, the suite's run alone on the cell's own thread
 * (no transport), and the rate of one Buffer.copy of the input's size (the physical reference),
 * both from their fastest timed batch (runners/cell/payload-figures.ts).
 */
export const PAYLOAD_FIGURES = v.object({ inputBytes: num, outputBytes: num, runMs: num, memcpyMbPerSec: num });

/**
 * Where the saturated batch's CPU went (runners/cell/cpu-account.ts): the strategy's threads —
 * the cell's dispatching thread, each worker, each child process and its threads.
 * `onCpuMs`: CPU time of the cell process and its descendants during the batch (every thread,
 * those that ended included, and task processes reaped meanwhile); `cpuMsPerTask` is it ÷ the
 * batch's tasks. `foreignCpuMs`: CPU time every other process on the machine used meanwhile
 * (/proc/stat's busy time less the tree's). `threadOnCpuMs` and `waitingMs`: the tree's threads'
 * time on a CPU and time runnable but waiting for one, from Linux's per-thread schedstat
 * (threads alive at the end). `interference`: the share of the time the strategy wanted a CPU
 * that other programs held it — min(waiting, foreignCpuMs) ÷ (on CPU + waiting): a millisecond
 * another program held a CPU kept at most one waiting thread off it, and a pool as wide as the
 * cores also waits for its own threads. On CPU is the larger of onCpuMs and threadOnCpuMs; where
 * threads ended during the batch (a per-task strategy) waitingMs is scaled to them at the living
 * threads' rate (runners/common/schedstat.ts). Null where the runtime or the OS cannot tell,
 * with the `reason`.
 */
export const ROUND_CPU = v.object({
  onCpuMs: v.nullable(figure),
  cpuMsPerTask: v.nullable(figure),
  foreignCpuMs: v.nullable(figure),
  threadOnCpuMs: v.nullable(figure),
  waitingMs: v.nullable(figure),
  threads: v.nullable(count),
  interference: v.nullable(share),
  reason: v.optional(str),
});

/** The raw measurements of one round: one fresh process. Aggregates are derived from these. */
export const ROUND_SAMPLE = v.object({
  round: count,
  /** Tasks in the saturated batch, and its wall time. tasksPerSec = tasks / (wallMs / 1000). */
  tasks: count,
  wallMs: figure,
  tasksPerSec: figure,
  /** Tasks the saturated batch kept outstanding (measure.ts batchInFlight); absent in older files (workers × 2). */
  inFlight: v.optional(count),
  /** Unloaded latency: one task in flight at a time (tinybench samples), thinned evenly to at most 2,000. */
  latencySamplesMs: samples,
  /**
   * Mean and count of the unloaded latency samples before thinning: thinning keeps the
   * extremes, so a mean of the thinned samples would overweight the tail. Null in rounds
   * migrated from files written before they were recorded.
   */
  latencyMeanMs: v.nullable(figure),
  latencyCount: v.nullable(count),
  /** Submit → complete time of each task in the saturated batch. */
  loadedLatencySamplesMs: samples,
  eventLoopDelay: EVENT_LOOP_DELAY,
  /** Spawn → ready time of every worker or child the strategy started. */
  startupSamplesMs: samples,
  /**
   * What the suite's setup() took in every host that ran it before its first task: each worker
   * or child (a part of its start-up, so per task for the per-task strategies), or the cell's own
   * thread for main-thread. Absent for a suite without setup (and in files from before it existed).
   */
  setupSamplesMs: v.optional(samples),
  /** Peak RSS of the cell process plus its child processes. */
  peakRssBytes: figure,
  /** Outputs checked with the suite's `verify` (all of them). */
  verifiedOutputs: count,
  /**
   * Share (0–1) of the machine's CPU that processes other than the harness and this cell
   * used while the cell's process ran: above a few percent, another program skewed the
   * round. Null where it cannot be read (not Linux) or was not recorded (migrated files).
   */
  foreignCpuShare: v.nullable(share),
  /** The saturated batch's CPU accounting (ROUND_CPU); absent in files from before it was recorded. */
  cpu: v.optional(ROUND_CPU),
  /** Payload study rounds only (PAYLOAD_FIGURES). */
  payload: v.optional(PAYLOAD_FIGURES),
  /** --phases: the unloaded latency phase's tasks and the saturated batch's, each split into phases. */
  phases: v.optional(v.object({ unloaded: ROUND_PHASES, loaded: ROUND_PHASES })),
  /**
   * Where run() returned a class instance (on the cell's own thread, after the phases): it
   * crosses a thread or process boundary as its own enumerable data, without its prototype.
   */
  outputClass: v.optional(v.object({ path: str, className: str })),
});

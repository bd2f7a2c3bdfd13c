/** --phases: the per-task phase breakdown's schemas, per round and per cell (types in phases.ts). */
import * as v from 'valibot';
import { num, samples } from './schema-primitives.js';

/**
 * --phases: one phase of the tasks a measured phase of a round timed (runners/contract/phases.ts):
 * its samples, thinned as latency samples are, and their mean before thinning.
 */
export const PHASE_SAMPLES = v.object({ meanMs: num, samplesMs: samples });

/** A phase's samples per task, or null where the strategy has no such phase (or cannot see it: peers). */
const PHASE_FIELDS = <T extends v.GenericSchema>(phase: T) => ({
  spawnMs: v.nullable(phase),
  queueMs: v.nullable(phase),
  sendMs: v.nullable(phase),
  /** Peer pools only: submitted → run start, as their queue and dispatch cannot be seen apart. */
  queueSendMs: v.nullable(phase),
  runMs: v.nullable(phase),
  returnMs: v.nullable(phase),
});

const PHASE_TOTALS = {
  /** Tasks timed. */
  count: num,
  /** Their mean submitted → complete, the sum the phase means split. */
  latencyMeanMs: num,
  /** Phase values that came out negative (a residual clock offset) and were counted as 0. */
  clamped: num,
};

export const ROUND_PHASES = v.object({ ...PHASE_TOTALS, ...PHASE_FIELDS(PHASE_SAMPLES) });

/** p50 and p99 of a phase over every round's samples pooled; mean over every task timed. */
export const PHASE_SUMMARY = v.object({ p50: num, p99: num, mean: num });
export const CELL_PHASES = v.object({ ...PHASE_TOTALS, ...PHASE_FIELDS(PHASE_SUMMARY) });

/**
 * --phases under `bench http`: the requests' tasks split as a cell's (the server's main thread
 * is the cell), and the server's own work around each: `parseMs`, the handler's start → the task
 * submitted; `respondMs`, the output back → the response handed to the runtime (verify, JSON).
 * Null where no request was timed.
 */
export const HTTP_PHASES = v.object({
  ...CELL_PHASES.entries,
  parseMs: v.nullable(PHASE_SUMMARY),
  respondMs: v.nullable(PHASE_SUMMARY),
});

export type PhaseSamples = v.InferOutput<typeof PHASE_SAMPLES>;
export type RoundPhases = v.InferOutput<typeof ROUND_PHASES>;
export type PhaseSummary = v.InferOutput<typeof PHASE_SUMMARY>;
export type CellPhases = v.InferOutput<typeof CELL_PHASES>;
export type HttpPhases = v.InferOutput<typeof HTTP_PHASES>;

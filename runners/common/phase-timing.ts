/**
 * One task's phase stamps (--phases) and the per-round record made from them. The
 * measuring loop creates a TaskTiming only when phase timing is on and hands it to the
 * executor beside the input; executors and channels fill in what they see. Without one,
 * nothing is stamped and nothing extra is sent. runners/contract/phases.ts defines the phases.
 */
import { PHASE_NAMES, type PhaseName, type RunStamps } from '../contract/phases.js';
import type { PhaseSamples, RoundPhases } from '../contract/results.js';
import { round4, storedSamples } from './samples.js';

/** Stamps of one task on the cell's clock (phase-clock.ts), NaN until seen. */
export class TaskTiming {
  /** Left the executor's queue: a worker, a slot or the thread's turn was free. */
  dispatchedAt = Number.NaN;
  /** Per-task strategies: its fresh worker or child is ready. */
  readyAt = Number.NaN;
  /** The hand-off began: the channel was given the input. */
  sentAt = Number.NaN;
  /** The host's run() start and end, already on the cell's clock. */
  runStartAt = Number.NaN;
  runEndAt = Number.NaN;

  constructor(readonly submittedAt: number) {}

  ran([startAt, endAt]: RunStamps): void {
    this.runStartAt = startAt;
    this.runEndAt = endAt;
  }
}

export type TaskPhases = Record<PhaseName, number | null>;

/**
 * A task's phases in ms; null for a phase its strategy does not have (no spawn in a pool, no
 * send on the main thread, no separate queue and send in a peer pool, whose dispatch is hidden).
 * `clamped`: phases that came out negative, counted as 0. Only a residual clock offset between
 * the cell and the host can do that (each side's own stamps are monotonic), so the phase next
 * to it is over-counted by as much; the count says how often. Undefined when the host's run
 * stamps never arrived.
 */
export function taskPhases(t: TaskTiming, completedAt: number): { phases: TaskPhases; clamped: number } | undefined {
  if (!Number.isFinite(t.runStartAt) || !Number.isFinite(t.runEndAt)) return undefined;
  let clamped = 0;
  const span = (from: number, to: number): number | null => {
    if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
    if (to >= from) return to - from;
    clamped++;
    return 0;
  };
  const hidden = !Number.isFinite(t.dispatchedAt);
  const phases: TaskPhases = {
    spawnMs: Number.isFinite(t.readyAt) ? span(t.dispatchedAt, t.readyAt) : null,
    queueMs: span(t.submittedAt, t.dispatchedAt),
    sendMs: span(t.sentAt, t.runStartAt),
    queueSendMs: hidden ? span(t.submittedAt, t.runStartAt) : null,
    runMs: span(t.runStartAt, t.runEndAt),
    returnMs: span(t.runEndAt, completedAt),
  };
  return { phases, clamped };
}

/** Stamps kept per task until finish(): the six of TaskTiming, then completedAt. */
const STAMPS_PER_TASK = 7;

/**
 * Collects the phases of the tasks one measured phase of a round timed. While tasks run it
 * only appends their raw stamps to one array of doubles (a few stores, no allocation per
 * task, as this runs inside the timed window); finish() turns them into phases.
 */
export class PhaseRecorder {
  private readonly raw: number[] = [];

  record(t: TaskTiming, completedAt: number): void {
    this.raw.push(t.submittedAt, t.dispatchedAt, t.readyAt, t.sentAt, t.runStartAt, t.runEndAt, completedAt);
  }

  /** Samples thinned as latency samples are; means taken before thinning, which keeps the extremes. */
  finish(): RoundPhases {
    const values = Object.fromEntries(PHASE_NAMES.map((name) => [name, [] as number[]])) as Record<PhaseName, number[]>;
    let count = 0;
    let latencyTotalMs = 0;
    let clamped = 0;
    for (let at = 0; at < this.raw.length; at += STAMPS_PER_TASK) {
      const r = this.raw;
      const replay = Object.assign(new TaskTiming(r[at]!), {
        dispatchedAt: r[at + 1]!,
        readyAt: r[at + 2]!,
        sentAt: r[at + 3]!,
        runStartAt: r[at + 4]!,
        runEndAt: r[at + 5]!,
      });
      const completedAt = r[at + 6]!;
      const found = taskPhases(replay, completedAt);
      if (found === undefined) continue;
      count++;
      clamped += found.clamped;
      latencyTotalMs += completedAt - replay.submittedAt;
      for (const name of PHASE_NAMES) {
        const value = found.phases[name];
        if (value !== null) values[name].push(value);
      }
    }
    const summary = (list: number[]): PhaseSamples | null =>
      list.length === 0 ? null : { meanMs: round4(list.reduce((sum, v) => sum + v, 0) / list.length), samplesMs: storedSamples(list) };
    const phases = Object.fromEntries(PHASE_NAMES.map((name) => [name, summary(values[name])])) as Record<PhaseName, PhaseSamples | null>;
    return { count, latencyMeanMs: round4(count === 0 ? 0 : latencyTotalMs / count), clamped, ...phases };
  }
}

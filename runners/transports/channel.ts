import type { Value } from '../../suites/suite.js';
import type { ThreadOptions } from './thread.js';
import type { RunStamps } from '../contract/phases.js';
import type { TaskTiming } from '../common/phase-timing.js';
import { Queue } from '../common/queue.js';

/**
 * One worker thread or child process that holds up to `capacity` tasks at once and runs
 * them in the order given. Pools and per-task executors are built from channels, so every
 * transport gets the same queueing, crash handling and start-up accounting.
 */
/**
 * A worker or child ready for tasks. `startupMs`: spawn → ready, the suite loaded and set up;
 * `setupMs`: of that, what the suite's setup() took (absent for a suite without one).
 */
export interface HostReady {
  startupMs: number;
  setupMs?: number;
}

export interface Channel {
  /** Resolves once the suite is loaded and set up; rejects if it dies first. */
  readonly ready: Promise<HostReady>;
  /**
   * How many tasks it takes before the first is answered: 1 for a plain hand-off, more for a
   * pipelined one, whose worker starts the next task without waiting for the cell.
   */
  readonly capacity: number;
  /**
   * Runs one task (at most `capacity` at a time). Rejects with the cause if the task throws or
   * the channel dies meanwhile. `timing` (--phases only): gets the host's run stamps.
   */
  run(input: Value, timing?: TaskTiming): Promise<Value>;
  /** Registers the handler for an unexpected death (crash, exit). Called at most once. */
  onDeath(handler: (cause: Error) => void): void;
  close(): Promise<void>;
}

export type ChannelFactory = () => Channel;

/** What every channel needs to start its worker or child. */
export interface ChannelOptions {
  suiteUrl: string;
  /** Priority decrease of the worker or child (see --worker-nice). */
  nice: number;
  thread: ThreadOptions;
  /**
   * How payloads travel (strategies.ts TRANSPORTS): worker channels take `clone` or `transfer`,
   * child channels `json` or `advanced`. Absent: the channel's default (transfer, json).
   */
  transport?: string;
  /** --phases: the worker or child syncs its clock at start-up and stamps each run. */
  phases?: boolean;
}

interface Pending {
  resolve: (output: Value) => void;
  reject: (error: Error) => void;
  timing: TaskTiming | undefined;
}

/**
 * The dying/ready/pending bookkeeping every channel needs, written once. A worker answers
 * its tasks in the order it got them, so the oldest pending task is the one each answer is for.
 */
export class ChannelState {
  readonly ready: Promise<HostReady>;
  private settleReady!: { resolve: (ready: HostReady) => void; reject: (error: Error) => void };
  private readonly pending = new Queue<Pending>();
  private deathHandler: ((cause: Error) => void) | undefined;
  private readonly spawnedAt = performance.now();
  /** --phases: when the worker finished its latest task (cell clock). */
  private lastRunEndAt = Number.NEGATIVE_INFINITY;
  closing = false;
  dead: Error | undefined;

  constructor(readonly capacity = 1) {
    this.ready = new Promise<HostReady>((resolve, reject) => {
      this.settleReady = { resolve, reject };
    });
    // A channel that dies before anyone awaits `ready` must not crash the process.
    this.ready.catch(() => {});
  }

  /** `setupMs`: what the host reported its suite's setup() took, if the suite has one. */
  markReady(setupMs?: number): void {
    const startupMs = performance.now() - this.spawnedAt;
    this.settleReady.resolve(setupMs === undefined ? { startupMs } : { startupMs, setupMs });
  }

  /** Tasks handed over and not yet answered. */
  get inFlight(): number {
    return this.pending.length;
  }

  begin(timing?: TaskTiming): Promise<Value> {
    if (this.dead) return Promise.reject(this.dead);
    if (this.pending.length >= this.capacity)
      return Promise.reject(new Error(`channel already holds ${this.capacity} task(s), its capacity`));
    return new Promise<Value>((resolve, reject) => {
      this.pending.push({ resolve, reject, timing });
    });
  }

  /** The oldest task's answer. `run`: the host's run stamps (--phases), handed to its timing before it resolves. */
  succeed(output: Value, run?: RunStamps): void {
    const p = this.pending.shift();
    if (run !== undefined) {
      const timing = p?.timing;
      // A task handed over while the worker still ran the one before it waited in the channel,
      // as it would have in the pool's queue: that wait is queue, and send starts when the worker was free.
      if (timing && this.lastRunEndAt > timing.sentAt) timing.dispatchedAt = timing.sentAt = this.lastRunEndAt;
      timing?.ran(run);
      this.lastRunEndAt = run[1];
    }
    p?.resolve(output);
  }
  /** The oldest task failed. */
  fail(error: Error): void {
    this.pending.shift()?.reject(error);
  }

  onDeath(handler: (cause: Error) => void): void {
    this.deathHandler = handler;
  }

  /** The channel is gone: its task and its readiness fail with the cause, once. */
  die(cause: Error): void {
    if (this.dead) return;
    this.dead = cause;
    this.settleReady.reject(cause);
    for (const p of this.pending.drain()) p.reject(cause);
    if (!this.closing) this.deathHandler?.(cause);
  }
}

/** A plain node:worker_threads channel at normal priority: what tests and simple callers want. */
export function plainChannelOptions(suiteUrl: string): ChannelOptions {
  return { suiteUrl, nice: 0, thread: { api: 'worker_threads', smol: false } };
}

import type { Value } from '../../suites/suite.js';
import type { ThreadOptions } from './thread.js';
import type { RunStamps } from '../contract/phases.js';
import type { TaskTiming } from '../common/phase-timing.js';

/**
 * One worker thread or child process that runs one task at a time. Pools and
 * per-task executors are built from channels, so every transport gets the same
 * queueing, crash handling and start-up accounting.
 */
export interface Channel {
  /** Resolves with the spawn → ready time (ms) once the suite is loaded; rejects if it dies first. */
  readonly ready: Promise<number>;
  /**
   * Runs one task. Rejects with the cause if the task throws or the channel dies meanwhile.
   * `timing` (--phases only): gets the host's run stamps.
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

/** The dying/ready/pending bookkeeping every channel needs, written once. */
export class ChannelState {
  readonly ready: Promise<number>;
  private settleReady!: { resolve: (ms: number) => void; reject: (error: Error) => void };
  private pending: { resolve: (output: Value) => void; reject: (error: Error) => void; timing: TaskTiming | undefined } | undefined;
  private deathHandler: ((cause: Error) => void) | undefined;
  private readonly spawnedAt = performance.now();
  closing = false;
  dead: Error | undefined;

  constructor() {
    this.ready = new Promise<number>((resolve, reject) => {
      this.settleReady = { resolve, reject };
    });
    // A channel that dies before anyone awaits `ready` must not crash the process.
    this.ready.catch(() => {});
  }

  markReady(): void {
    this.settleReady.resolve(performance.now() - this.spawnedAt);
  }

  begin(timing?: TaskTiming): Promise<Value> {
    if (this.dead) return Promise.reject(this.dead);
    if (this.pending) return Promise.reject(new Error('channel already has a task in flight'));
    return new Promise<Value>((resolve, reject) => {
      this.pending = { resolve, reject, timing };
    });
  }

  /** `run`: the host's run stamps (--phases), handed to the task's timing before it resolves. */
  succeed(output: Value, run?: RunStamps): void {
    const p = this.pending;
    this.pending = undefined;
    if (run !== undefined) p?.timing?.ran(run);
    p?.resolve(output);
  }
  fail(error: Error): void {
    const p = this.pending;
    this.pending = undefined;
    p?.reject(error);
  }

  onDeath(handler: (cause: Error) => void): void {
    this.deathHandler = handler;
  }

  /** The channel is gone: its task and its readiness fail with the cause, once. */
  die(cause: Error): void {
    if (this.dead) return;
    this.dead = cause;
    this.settleReady.reject(cause);
    this.fail(cause);
    if (!this.closing) this.deathHandler?.(cause);
  }
}

/** A plain node:worker_threads channel at normal priority: what tests and simple callers want. */
export function plainChannelOptions(suiteUrl: string): ChannelOptions {
  return { suiteUrl, nice: 0, thread: { api: 'worker_threads', smol: false } };
}

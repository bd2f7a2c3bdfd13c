/**
 * What crosses between a peer pool's workers and the executor that built the pool, beside
 * the library's own messages: the bootstrap (as the library's workerData) and one line on
 * a BroadcastChannel when a worker has loaded the suite. A BroadcastChannel, because each
 * library owns its worker's parentPort and would reject (or misroute) a message of ours.
 */
import type { ClockPing } from '../../contract/phases.js';

export interface PeerBootstrap {
  suiteUrl: string;
  /** Priority decrease of the worker thread (see --worker-nice), applied by our entry, not the library. */
  nice: number;
  /** Name of the BroadcastChannel the worker announces itself on. */
  readyChannel: string;
  /**
   * --phases: the shared stamp buffer (2 Float64 per slot, runners/contract/phases.ts); tasks then
   * arrive wrapped as PeerTimedTask, and the worker syncs its clock on readyChannel first. Absent: neither.
   */
  stamps?: SharedArrayBuffer;
  /** The deepest output the cell's main thread can receive (runners/common/output-depth.ts); absent: no limit. */
  maxOutputDepth?: number;
}

/** Milliseconds since the epoch, sub-millisecond: comparable between threads (each thread's performance.now() is not). */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

export type PeerWorkerNews =
  /**
   * `startedAt`: when our entry began to run in the new thread; `readyAt`: suite loaded and set up.
   * Both wallClockMs(). `setupMs`: what the suite's setup() took; absent for a suite without one.
   */
  | { type: 'ready'; startedAt: number; readyAt: number; setupMs?: number }
  | { type: 'failed'; message: string }
  /** The thread is ending on its own (process.exit, or its event loop ran dry). */
  | { type: 'exited'; code: number }
  /** --phases, before `ready`: answered with a ClockPong addressed `to` the same id. */
  | ClockPing;

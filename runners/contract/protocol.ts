/**
 * Every message that crosses a process or thread boundary, in one place.
 *
 * - CLI → cell process: a CellSpec as argv JSON; cell → CLI: a CellOutcome written to a file.
 * - cell → worker thread or child process: TaskMessage; back: ExecutorMessage.
 * - shared-memory workers: no payload messages at all; the slots below in a control
 *   SharedArrayBuffer, driven by Atomics.
 */
import type { Value } from '../../suites/suite.js';
import type { EventLoopDelay, RoundSample } from './results.js';
import type { ClockPing, RunStamps } from './phases.js';

/** Which API starts worker threads: node:worker_threads, or the global Web `Worker` (Bun's is faster). */
export type ThreadApi = 'worker_threads' | 'web';

export interface ThreadOptions {
  api: ThreadApi;
  /** Bun only: a smaller JavaScript heap for the worker. */
  smol: boolean;
  /**
   * --max-heap: the old-generation limit (MiB) of each worker thread (resourceLimits) and child
   * process (--max-old-space-size), so a suite that allocates without bound ends its own
   * worker or child, never the cell that hosts it. Absent: the runtime's default.
   */
  heapMb?: number;
}

/** A value as JSON on a child process's IPC channel (typed arrays and non-finite numbers tagged). */
export type WireValue = number | string | boolean | null | WireValue[] | { [key: string]: WireValue };

/** Finest resolution monitorEventLoopDelay takes, ms (also the floor where the probe found none). */
export const EVENT_LOOP_RESOLUTION_MS = 1;

export interface CellSpec {
  /** URL of the suite module (built-in or user file). */
  suiteUrl: string;
  suite: string;
  size: number;
  strategy: string;
  workers: number;
  workerNice: number;
  /** Which thread API starts workers, and Bun's smol mode (from the runtime probe). */
  thread: ThreadOptions;
  /** How event-loop delay is measured: the runtime probe found whether the histogram works. */
  eventLoopMethod: EventLoopDelay['method'];
  /** What the histogram reads on an idle loop, subtracted from every reading (probe's eventLoopFloorMs). */
  eventLoopFloorMs: number;
  round: number;
  seed: number;
  /** Time budget of each measured phase, ms. */
  phaseMs: number;
  /** --in-flight-per-worker: tasks each worker may hold at once; absent: the strategy's own. */
  inFlightPerWorker?: number;
  /** How payloads travel (strategies.ts TRANSPORTS); absent: the strategy's default. */
  transport?: string;
  /** A payload study's cell: after the timed phases, measure the round's `payload` figures too. */
  payloadFigures?: boolean;
  /** --phases: split each timed task's latency into phases (runners/contract/phases.ts). */
  phases?: boolean;
  /** Where the cell writes its CellOutcome (JSON). */
  outcomePath: string;
}

export type CellOutcome =
  | { ok: true; sample: Omit<RoundSample, 'peakRssBytes' | 'foreignCpuShare'> & { selfPeakRssBytes: number } }
  | { ok: false; error: string };

/** Cell → worker thread (structured clone; typed arrays transferred unless the transport is `clone`). */
export type TaskMessage = { type: 'task'; id: number; input: Value };
/** Cell → child process over JSON, so typed arrays travel encoded (the `advanced` transport sends a TaskMessage as it is). */
export type WireTaskMessage = { type: 'task'; id: number; input: WireValue };

export type ExecutorMessage<Payload = Value> =
  /** `setupMs`: what the suite's setup() took in this host, before it was ready; absent for a suite without one. */
  | { type: 'ready'; setupMs?: number }
  /** `run`: a child's run stamps with --phases, on the cell's clock (worker threads leave theirs in shared memory). */
  | { type: 'result'; id: number; output: Payload; run?: RunStamps }
  /** With --phases, before `ready`: the host syncs its clock to the cell's (answered with a ClockPong). */
  | ClockPing
  | { type: 'failure'; id: number; message: string };

export interface WorkerBootstrap {
  suiteUrl: string;
  /** Priority decrease for the worker thread (or child process): see --worker-nice. */
  nice: number;
  /** The `clone` transport: outputs are structured-cloned back, not transferred. Absent: transferred. */
  clone?: boolean;
  /**
   * --phases: sync the clock at start-up and leave each run's stamps here (phases.ts StampSlot)
   * before replying: shared memory, so a result message carries nothing extra. Absent: neither.
   */
  stamps?: SharedArrayBuffer;
  /** The deepest output the cell's main thread can receive (output-depth.ts); absent: no limit. */
  maxOutputDepth?: number;
}

/** The shared-memory worker's first message: its ring, and the port for replacement buffers. */
export interface SharedSetupMessage {
  type: 'setup';
  /** Int32: the ring's header (RingSlot) followed by SLOT_FIELDS per task slot (SlotField). */
  control: SharedArrayBuffer;
  /** One data buffer per task slot: the slot's input, then its output, written in place. */
  data: SharedArrayBuffer[];
  /** Carries a replacement data buffer when a payload outgrows its slot's; slots take them in ring order. */
  bufferPort: import('node:worker_threads').MessagePort;
  /** Int32 DoorbellSlot: the pool's one wake-up line to the cell, rung after every answer. */
  doorbell: SharedArrayBuffer;
  /** This worker's line to the cell: a message on it wakes the cell, posted only while the cell sleeps. */
  doorbellLine: import('node:worker_threads').MessagePort;
  /** --phases: Float64 run stamps, STAMP_SLOTS per task slot (phases.ts StampSlot), written before each hand-back. Absent: no timing. */
  stamps?: SharedArrayBuffer;
}

/**
 * Int32 indices of the shared-memory ring's header. The cell writes tasks into its slots in
 * turn and counts them in SUBMITTED; the worker runs them in that order and counts them in
 * COMPLETED. The worker sleeps only when the ring is empty, and says so first, so a busy
 * worker is never notified (no wake per task). Never use a bare number.
 */
export const RingSlot = {
  /** Tasks the cell has written (wraps at 2^32; only equality is read). */
  SUBMITTED: 0,
  /** Tasks the worker has answered. */
  COMPLETED: 1,
  /** 1 while the worker is in (or about to enter) Atomics.wait on SUBMITTED; the cell lowers it as it notifies. */
  WORKER_SLEEPING: 2,
  /** 1 once the cell closes the channel: the worker leaves its loop. */
  SHUTDOWN: 3,
} as const;
export const RING_HEADER_SLOTS = 4;

/** Int32 indices of a shared-memory pool's doorbell (runners/transports/shared-memory/doorbell.ts). */
export const DoorbellSlot = {
  /** Answers given by all the pool's workers (wraps; only equality is read). */
  RUNG: 0,
  /** 1 while the cell sleeps until a ring; the worker that wakes it lowers it. */
  CELL_WAITING: 1,
} as const;

/** Int32 fields of one task slot, after the ring header (slot i starts at RING_HEADER_SLOTS + i × SLOT_FIELDS). */
export const SlotField = {
  /** SlotOutcome of the answer, written before COMPLETED moves past the slot. */
  OUTCOME: 0,
  /** Encoded byte length of the input (cell → worker) or output (worker → cell). */
  PAYLOAD_BYTES: 1,
  /** 1 when a new data buffer for this slot waits on bufferPort, to be taken before reading. */
  BUFFER_REPLACED: 2,
} as const;
export const SLOT_FIELDS = 3;

export const SlotOutcome = {
  /** The worker wrote an output. */
  DONE: 1,
  /** The worker wrote an error message (a string) instead of an output. */
  FAILED: 2,
} as const;

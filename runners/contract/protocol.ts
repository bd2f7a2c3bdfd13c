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
export type WireValue = number | string | boolean | { [key: string]: WireValue };

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
  | { type: 'ready' }
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
}

/** The shared-memory worker's first message: its buffers, and the port for replacement buffers. */
export interface SharedSetupMessage {
  type: 'setup';
  control: SharedArrayBuffer;
  data: SharedArrayBuffer;
  /** Carries a replacement data buffer when a payload outgrows the current one. */
  bufferPort: import('node:worker_threads').MessagePort;
  /** --phases: Float64 run stamps (phases.ts StampSlot), written before each hand-back. Absent: no timing. */
  stamps?: SharedArrayBuffer;
}

/** Int32 slot indices of the shared-memory control buffer. Never use a bare number. */
export const ControlSlot = {
  /** One of SharedState: the hand-off between the cell and the worker. */
  STATE: 0,
  /** Encoded byte length of the input (cell → worker) or output (worker → cell). */
  PAYLOAD_BYTES: 1,
  /** 1 when a new data buffer waits on bufferPort, to be taken before reading. */
  BUFFER_REPLACED: 2,
} as const;
export const CONTROL_SLOTS = 3;

export const SharedState = {
  IDLE: 0,
  /** The cell wrote an input: the worker runs it. */
  TASK: 1,
  /** The worker wrote an output. */
  DONE: 2,
  /** The worker wrote an error message (a string) instead of an output. */
  FAILED: 3,
  SHUTDOWN: 4,
} as const;

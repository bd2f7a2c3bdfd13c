import type { Value } from '../../suites/suite.js';
import type { TaskTiming } from '../common/phase-timing.js';

/** What a strategy builds for one cell: runs tasks, reports what its start-ups cost. */
export interface Executor {
  /** Spawns whatever the strategy pre-spawns; resolves when it can take tasks. */
  start(): Promise<void>;
  /** `timing` (--phases only): stamped as the task leaves the queue, is handed over, runs and returns. */
  run(input: Value, timing?: TaskTiming): Promise<Value>;
  close(): Promise<void>;
  /** Spawn → ready time (ms) of every worker or child started so far, replacements included. */
  readonly startupSamplesMs: readonly number[];
  /**
   * What the suite's setup() took (ms) in every host set up so far: each worker or child (part
   * of its start-up), or the cell's own thread for main-thread. Empty for a suite without one.
   */
  readonly setupSamplesMs: readonly number[];
  /** True when `run` transfers (detaches) typed-array inputs: the caller must hand over a copy it can lose. */
  readonly transfersInput: boolean;
}

/** A FIFO of tasks waiting for a free slot, shared by pools and per-task executors. */
export interface QueuedTask {
  input: Value;
  timing: TaskTiming | undefined;
  resolve: (output: Value) => void;
  reject: (error: Error) => void;
}

export class ExecutorClosedError extends Error {
  constructor() {
    super('executor closed before the task ran');
  }
}

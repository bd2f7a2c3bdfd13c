import type { Suite, Value } from '../../suites/suite.js';
import { type Executor, ExecutorClosedError } from './executor.js';
import { runTask } from '../common/run-task.js';
import { deepestReceivable } from '../common/output-depth.js';
import { cellClock } from '../common/phase-clock.js';
import { setUpSuite } from '../common/suite-setup.js';
import type { TaskTiming } from '../common/phase-timing.js';

/**
 * Runs tasks on the cell's own thread, one per macrotask: between two tasks the event
 * loop turns, so the event-loop delay it causes is measured as a server would feel it.
 * Phases (--phases): nothing is spawned or sent, so spawn and send are null; queue is the
 * wait for its macrotask (the thread's previous tasks), return the promise hop back.
 */
export class MainThreadExecutor implements Executor {
  readonly startupSamplesMs: number[] = [];
  readonly setupSamplesMs: number[] = [];
  readonly transfersInput = false;
  private closed = false;
  /** The one depth rule every strategy applies (output-depth.ts), though nothing is sent here. */
  private maxOutputDepth: number | undefined;

  constructor(private readonly suite: Suite) {}

  /** This thread is the host: the suite's setup runs here, before the first task and outside every timed phase. */
  async start(): Promise<void> {
    this.maxOutputDepth = deepestReceivable();
    const setupMs = await setUpSuite(this.suite, 'the main thread');
    if (setupMs !== undefined) this.setupSamplesMs.push(setupMs);
  }

  run(input: Value, timing?: TaskTiming): Promise<Value> {
    if (this.closed) return Promise.reject(new ExecutorClosedError());
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        if (timing) timing.dispatchedAt = timing.runStartAt = cellClock();
        const outcome = runTask(this.suite, input, this.maxOutputDepth);
        if (timing) timing.runEndAt = cellClock();
        if (outcome.ok) resolve(outcome.output);
        else reject(new Error(outcome.message));
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

import type { Suite, Value } from '../../suites/suite.js';
import { type Executor, ExecutorClosedError } from './executor.js';
import { runTask } from '../common/run-task.js';

/**
 * Runs tasks on the cell's own thread, one per macrotask: between two tasks the event
 * loop turns, so the event-loop delay it causes is measured as a server would feel it.
 */
export class MainThreadExecutor implements Executor {
  readonly startupSamplesMs: number[] = [];
  readonly transfersInput = false;
  private closed = false;

  constructor(private readonly suite: Suite) {}

  async start(): Promise<void> {}

  run(input: Value): Promise<Value> {
    if (this.closed) return Promise.reject(new ExecutorClosedError());
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        const outcome = runTask(this.suite, input);
        if (outcome.ok) resolve(outcome.output);
        else reject(new Error(outcome.message));
      });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

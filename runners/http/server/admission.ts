import type { Value } from '../../../suites/suite.js';
import type { Executor } from '../../executors/executor.js';
import type { TaskTiming } from '../../common/phase-timing.js';

/** The server is full: the request is refused (503 with Retry-After) instead of queued. */
export class QueueFullError extends Error {
  override name = 'QueueFullError';
}

/**
 * Bounds what an executor holds: at most `capacity` tasks running (one per worker) plus
 * `maxQueue` waiting. Past that, `run` rejects at once, so overload costs a counter, not
 * memory. Wrapping keeps Pool and the other executors unchanged and bounds main-thread
 * (whose setImmediate queue is otherwise unbounded) the same way.
 */
export class BoundedExecutor implements Executor {
  private inFlight = 0;
  private readonly onSettled = new Set<() => void>();

  constructor(
    private readonly inner: Executor,
    private readonly capacity: number,
    private readonly maxQueue: number,
  ) {}

  get startupSamplesMs(): readonly number[] {
    return this.inner.startupSamplesMs;
  }
  get setupSamplesMs(): readonly number[] {
    return this.inner.setupSamplesMs;
  }
  get transfersInput(): boolean {
    return this.inner.transfersInput;
  }

  start(): Promise<void> {
    return this.inner.start();
  }
  close(): Promise<void> {
    return this.inner.close();
  }

  run(input: Value, timing?: TaskTiming): Promise<Value> {
    if (this.inFlight >= this.capacity + this.maxQueue) {
      return Promise.reject(
        new QueueFullError(`${this.inFlight} tasks running or queued (capacity ${this.capacity} + --max-queue ${this.maxQueue})`),
      );
    }
    this.inFlight++;
    return this.inner.run(input, timing).finally(() => {
      if (--this.inFlight === 0) for (const settle of this.onSettled) settle();
    });
  }

  /**
   * Resolves once nothing runs or waits, or after `maxMs`: requests a load generator
   * abandoned at the end of the warm-up still hold the workers, and the measured window
   * should not open on their tail.
   */
  settled(maxMs: number): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => {
      // A macrotask later: the last task's own answer (a .then after this .finally) is counted
      // before the caller resets the counters for the window.
      const settle = (): void => {
        clearTimeout(timer);
        this.onSettled.delete(settle);
        setImmediate(resolve);
      };
      const timer = setTimeout(settle, maxMs);
      this.onSettled.add(settle);
    });
  }
}

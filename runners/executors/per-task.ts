import type { Value } from '../../suites/suite.js';
import type { ChannelFactory } from '../transports/channel.js';
import { type Executor, ExecutorClosedError, type QueuedTask } from './executor.js';
import { toError } from '../common/error-message.js';
import { Queue } from '../common/queue.js';
import { cellClock } from '../common/phase-clock.js';
import type { TaskTiming } from '../common/phase-timing.js';
import { deepestReceivable } from '../common/output-depth.js';

/**
 * A fresh worker or child for every task, torn down afterwards. At most `limit` run at
 * once (the same parallelism a pool gets), the rest wait in a FIFO: the cost measured is
 * the spawn per task, not an unbounded burst of spawns.
 */
export class PerTaskExecutor implements Executor {
  readonly startupSamplesMs: number[] = [];
  readonly setupSamplesMs: number[] = [];
  private readonly queue = new Queue<QueuedTask>();
  private running = 0;
  private closed = false;
  private readonly closing = new Set<Promise<void>>();

  constructor(
    private readonly limit: number,
    private readonly spawn: ChannelFactory,
    readonly transfersInput: boolean,
  ) {}

  async start(): Promise<void> {
    // Measured now, not by the first task's spawn inside the timed phases (every spawn reads it).
    deepestReceivable();
  }

  run(input: Value, timing?: TaskTiming): Promise<Value> {
    if (this.closed) return Promise.reject(new ExecutorClosedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ input, timing, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.drain()) task.reject(new ExecutorClosedError());
    await Promise.all(this.closing);
  }

  private dispatch(): void {
    while (this.running < this.limit && this.queue.length > 0) {
      this.running++;
      void this.runOne(this.queue.shift()!);
    }
  }

  private async runOne(task: QueuedTask): Promise<void> {
    const { timing } = task;
    // --phases: spawn is dispatched → ready; the hand-off (send) starts once it is ready.
    if (timing) timing.dispatchedAt = cellClock();
    const channel = this.spawn();
    try {
      // A fresh host sets the suite up again: its setup is part of this task's spawn, never of its run.
      const { startupMs, setupMs } = await channel.ready;
      this.startupSamplesMs.push(startupMs);
      if (setupMs !== undefined) this.setupSamplesMs.push(setupMs);
      if (timing) timing.readyAt = timing.sentAt = cellClock();
      task.resolve(await channel.run(task.input, timing));
    } catch (error) {
      task.reject(toError(error));
    } finally {
      // Tear-down is part of the strategy's cost, so the slot frees only when it is done.
      const closed = channel.close().catch(() => {});
      this.closing.add(closed);
      await closed;
      this.closing.delete(closed);
      this.running--;
      if (!this.closed) this.dispatch();
    }
  }
}

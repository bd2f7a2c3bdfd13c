import type { Value } from '../../suites/suite.js';
import type { Channel, ChannelFactory } from '../transports/channel.js';
import { type Executor, ExecutorClosedError, type QueuedTask } from './executor.js';
import { Queue } from '../common/queue.js';
import { cellClock } from '../common/phase-clock.js';
import type { TaskTiming } from '../common/phase-timing.js';

/** Consecutive deaths before ready after which the pool stops respawning: the suite cannot start. */
const MAX_START_FAILURES = 3;

/**
 * N long-lived channels and a FIFO queue. Each task goes to the ready channel holding the
 * fewest (a pipelined channel takes several before it answers; see Channel.capacity). A
 * channel that dies is replaced; the tasks it held are rejected with the cause (never left
 * hanging) and the queue moves on.
 */
export class Pool implements Executor {
  readonly startupSamplesMs: number[] = [];
  readonly setupSamplesMs: number[] = [];
  /** Ready channels and how many tasks each holds now. */
  private readonly held = new Map<Channel, number>();
  private readonly queue = new Queue<QueuedTask>();
  private readonly live = new Set<Channel>();
  private readonly everReady = new WeakSet<Channel>();
  private closed = false;
  private startFailures = 0;
  private fatal: Error | undefined;

  constructor(
    private readonly size: number,
    private readonly spawn: ChannelFactory,
    readonly transfersInput: boolean,
  ) {}

  async start(): Promise<void> {
    const channels = Array.from({ length: this.size }, () => this.add());
    await Promise.all(channels.map((channel) => channel.ready));
  }

  run(input: Value, timing?: TaskTiming): Promise<Value> {
    if (this.closed) return Promise.reject(new ExecutorClosedError());
    if (this.fatal) return Promise.reject(this.fatal);
    return new Promise((resolve, reject) => {
      this.queue.push({ input, timing, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.drain()) task.reject(new ExecutorClosedError());
    await Promise.all([...this.live].map((channel) => channel.close()));
    this.live.clear();
  }

  private add(): Channel {
    const channel = this.spawn();
    this.live.add(channel);
    channel.onDeath((cause) => this.replace(channel, cause));
    channel.ready.then(
      ({ startupMs, setupMs }) => {
        this.startFailures = 0;
        this.everReady.add(channel);
        this.startupSamplesMs.push(startupMs);
        if (setupMs !== undefined) this.setupSamplesMs.push(setupMs);
        this.held.set(channel, 0);
        this.dispatch();
      },
      () => {}, // a death before ready reaches replace() through onDeath
    );
    return channel;
  }

  private replace(channel: Channel, cause: Error): void {
    this.live.delete(channel);
    this.held.delete(channel);
    if (this.closed) return;
    if (!this.everReady.has(channel) && ++this.startFailures >= MAX_START_FAILURES) {
      this.fatal = new Error(`workers keep dying before they are ready: ${cause.message}`);
      for (const task of this.queue.drain()) task.reject(this.fatal);
      return;
    }
    this.add();
  }

  /** The ready channel with the most room left, if any has room (a handful of channels: a scan is cheapest). */
  private leastHeld(): Channel | undefined {
    let best: Channel | undefined;
    let bestRoom = 0;
    for (const [channel, held] of this.held) {
      const room = channel.capacity - held;
      if (room > bestRoom) {
        best = channel;
        bestRoom = room;
      }
    }
    return best;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const channel = this.leastHeld();
      if (!channel) return;
      const task = this.queue.shift()!;
      this.held.set(channel, this.held.get(channel)! + 1);
      // --phases: out of the queue and into the hand-off at the same instant.
      if (task.timing) task.timing.dispatchedAt = task.timing.sentAt = cellClock();
      channel.run(task.input, task.timing).then(
        (output) => {
          this.release(channel);
          task.resolve(output);
        },
        (error: Error) => {
          this.release(channel);
          task.reject(error);
        },
      );
    }
  }

  /** One task fewer held, unless it died running the task (replace() already took it out). */
  private release(channel: Channel): void {
    const held = this.held.get(channel);
    if (held !== undefined && !this.closed) {
      this.held.set(channel, held - 1);
      this.dispatch();
    }
  }
}

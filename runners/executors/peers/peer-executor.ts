/**
 * A peer library's pool behind the Executor interface. The library does the queueing,
 * the dispatch and the replacement of dead workers its own way: this class only starts it,
 * learns when its workers are ready, times their start-up, and stops it. What a peer does
 * with a throwing task or a dying worker is its own behaviour, recorded, not patched; only
 * its words are not: a failure reaches the cell as the reason bench's own strategies give
 * (peer-task.ts, peer-failure.ts). One exception reports rather than repairs: a task the
 * library leaves pending after its worker died is failed with a message saying so, so the
 * cell errors instead of hanging.
 */
import { randomUUID } from 'node:crypto';
import { BroadcastChannel } from 'node:worker_threads';
import type { Value } from '../../../suites/suite.js';
import { errorMessage } from '../../common/error-message.js';
import { transferables } from '../../common/typed-arrays.js';
import type { ChannelOptions } from '../../transports/channel.js';
import { type PeerBootstrap, type PeerWorkerNews, wallClockMs } from '../../transports/peer/peer-protocol.js';
import { type Executor, ExecutorClosedError } from '../executor.js';
import { PeerStamps } from './peer-stamps.js';
import { peerFailure, workerExited } from './peer-failure.js';
import { deepestReceivable } from '../../common/output-depth.js';
import type { TaskTiming } from '../../common/phase-timing.js';
import { clockPong } from '../../transports/clock-sync.js';

/** The little a peer pool must offer: run one task (transferring `transfer`), and stop. */
export interface PeerPool {
  run(input: Value, transfer: ArrayBuffer[]): Promise<Value>;
  destroy(): Promise<void>;
}

export interface PeerPoolOptions {
  workers: number;
  /** Tasks a worker may hold at once; undefined: the library's default. */
  inFlightPerWorker: number | undefined;
  bootstrap: PeerBootstrap;
  /** The library's 'error' event: unlistened, Node throws it and the cell dies with the library's words. */
  onError: (error: unknown) => void;
}

export type PeerPoolFactory = (options: PeerPoolOptions) => PeerPool;
/**
 * Imports the library only when its pool is started: a cell of any other strategy (and the
 * probe on a runtime where the library fails to load) never pays for it or trips on it.
 */
export type PeerPoolLoader = () => Promise<PeerPoolFactory>;

/** A library whose destroy() never settles (tinypool on Deno 2.9) must not keep the cell from reporting. */
const DESTROY_WAIT_MS = 5_000;
/**
 * After a worker exits, how long the library has to fail some task before the tasks that were
 * pending then are failed as left hanging. piscina rejects the dead worker's task within a
 * millisecond or two of the exit; a library that has not after a second never will.
 */
const ORPHAN_GRACE_MS = 1_000;

interface PendingTask {
  reject: (error: Error) => void;
  settled: boolean;
}

export class PeerExecutor implements Executor {
  readonly startupSamplesMs: number[] = [];
  readonly setupSamplesMs: number[] = [];
  /** Inputs go in the library's transfer list, as worker-pool's do. */
  readonly transfersInput = true;
  private pool: PeerPool | undefined;
  private news: BroadcastChannel | undefined;
  private closed = false;
  private readonly pending = new Set<PendingTask>();
  private rejections = 0;
  private readonly orphanTimers = new Set<ReturnType<typeof setTimeout>>();
  /** --phases: where the workers leave their run stamps; undefined: no timing, tasks go unwrapped. */
  private readonly stamps: PeerStamps | undefined;

  /** `library`: the npm package, named in the errors this class raises. */
  constructor(
    private readonly library: string,
    private readonly load: PeerPoolLoader,
    private readonly workers: number,
    private readonly channel: ChannelOptions,
    private readonly inFlightPerWorker: number | undefined,
  ) {
    this.stamps = channel.phases ? new PeerStamps() : undefined;
  }

  /** Resolves once every initial worker has loaded the suite; rejects with a worker's reason if one cannot. */
  async start(): Promise<void> {
    let create: PeerPoolFactory;
    try {
      create = await this.load();
    } catch (error) {
      throw new Error(`${this.library} does not load here: ${errorMessage(error, { withName: true, firstLine: true })}`);
    }
    const readyChannel = `bench-peer-${randomUUID()}`;
    const news = new BroadcastChannel(readyChannel);
    this.news = news;
    // Measured here, before the workers start, so no task waits on it.
    const maxOutputDepth = deepestReceivable();
    const requestedAt = wallClockMs();
    let initial = this.workers;
    await new Promise<void>((resolve, reject) => {
      news.onmessage = (event) => {
        const message = (event as { data: PeerWorkerNews }).data;
        if (message.type === 'clock-ping') return news.postMessage(clockPong(message.from));
        if (message.type === 'failed') return reject(new Error(message.message));
        if (message.type === 'exited') return this.workerExited(message.code);
        // The library starts its first workers when the pool is built: time them from then. It
        // starts replacements unseen, so those are timed from their own first line (thread boot excluded).
        this.startupSamplesMs.push(message.readyAt - (initial > 0 ? requestedAt : message.startedAt));
        if (message.setupMs !== undefined) this.setupSamplesMs.push(message.setupMs);
        if (--initial === 0) resolve();
      };
      try {
        this.pool = create({
          workers: this.workers,
          inFlightPerWorker: this.inFlightPerWorker,
          bootstrap: {
            suiteUrl: this.channel.suiteUrl,
            nice: this.channel.nice,
            readyChannel,
            ...(this.stamps ? { stamps: this.stamps.buffer } : {}),
            ...(maxOutputDepth === undefined ? {} : { maxOutputDepth }),
          },
          // An error the library reports outside any task: piscina and tinypool emit one only when
          // the worker that failed held no task; poolifier for a worker's error, whose task it
          // rejects or workerExited reports. Each replaces the worker, as worker-pool replaces one
          // that dies idle, so no pending task is its to fail: heard, so Node does not throw it
          // and end the cell, and let go.
          onError: () => {},
        });
      } catch (error) {
        reject(new Error(`${this.library} did not start: ${errorMessage(error)}`));
      }
    });
    // Replacements may still announce themselves; that alone must not keep the process alive.
    news.unref();
  }

  run(input: Value, timing?: TaskTiming): Promise<Value> {
    if (this.closed || !this.pool) return Promise.reject(new ExecutorClosedError());
    if (this.stamps) return this.stamps.around(input, timing, (task) => this.submit(task, transferables(input)));
    return this.submit(input, transferables(input));
  }

  private submit(input: Value, transfer: ArrayBuffer[]): Promise<Value> {
    const running = this.pool!.run(input, transfer);
    return new Promise<Value>((resolve, reject) => {
      const task: PendingTask = { reject, settled: false };
      this.pending.add(task);
      // While a task is pending, a worker's exit news must be able to arrive: with the channel
      // unref'd, a library that leaves the dead worker's task pending let the process end first.
      if (this.pending.size === 1) this.news?.ref();
      const settle = (): void => {
        task.settled = true;
        this.pending.delete(task);
        if (this.pending.size === 0) this.news?.unref();
      };
      running.then(
        (output) => {
          settle();
          resolve(output);
        },
        (error: unknown) => {
          this.rejections++;
          settle();
          reject(peerFailure(this.library, error, this.channel.thread.heapMb));
        },
      );
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.orphanTimers) clearTimeout(timer);
    const pool = this.pool;
    this.pool = undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      if (pool) {
        await Promise.race([
          pool.destroy().catch(() => {}),
          new Promise<void>((resolve) => {
            timer = setTimeout(resolve, DESTROY_WAIT_MS);
          }),
        ]);
      }
    } finally {
      clearTimeout(timer);
      this.news?.close();
    }
  }

  private workerExited(code: number): void {
    if (this.closed || this.pending.size === 0) return;
    const suspects = [...this.pending];
    const rejectionsBefore = this.rejections;
    const timer = setTimeout(() => {
      this.orphanTimers.delete(timer);
      if (this.closed || this.rejections > rejectionsBefore) return;
      const error = new Error(
        `${workerExited(code)}; ${this.library} left its task pending ` +
          `(no task failed within ${ORPHAN_GRACE_MS} ms): the library does not settle a dead worker's task`,
      );
      for (const task of suspects)
        if (!task.settled) {
          this.pending.delete(task);
          if (this.pending.size === 0) this.news?.unref();
          task.reject(error);
        }
    }, ORPHAN_GRACE_MS);
    this.orphanTimers.add(timer);
  }
}

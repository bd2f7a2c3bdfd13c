/**
 * What crosses a boundary for `--phases`, the per-task phase breakdown: the clock both
 * ends stamp with, the clock-sync ping every worker or child answers at start-up, the run
 * stamps a result carries back, and the slots where a shared-memory or peer worker leaves
 * them. Nothing here is sent, stamped or allocated unless phase timing is on.
 *
 * A task's latency, submitted → its output seen by the measuring loop, is split into:
 *   spawn   dispatched → its fresh worker or child is ready (per-task strategies only)
 *   queue   submitted → dispatched: waiting for a free worker, slot or turn
 *   send    dispatched (or ready) → the host starts run(): serialize, hand-off, wake, decode
 *   run     the suite's run() in the host
 *   return  run() returned → the output is back, decoded, in the measuring loop
 * Peer pools hide their queue and dispatch: for them `queueSend` is submitted → run start.
 */

export const PHASE_NAMES = ['spawnMs', 'queueMs', 'sendMs', 'queueSendMs', 'runMs', 'returnMs'] as const;
export type PhaseName = (typeof PHASE_NAMES)[number];

/**
 * Stamps are ms since this instant (2025-01-01T00:00:00Z) on the epoch-based clock
 * `performance.timeOrigin + performance.now()`, which every thread and process shares up to
 * a small skew. Counting from a recent base instead of 1970 keeps nanosecond resolution in a
 * double (ms since 1970 resolve only to ~0.2 µs).
 */
export const PHASE_EPOCH_MS = Date.UTC(2025, 0, 1);

/** Pings each worker or child sends at start-up; the one with the shortest round trip sets its offset. */
export const CLOCK_PINGS = 8;

/**
 * Test only: ms added to every worker's and child's raw clock, so a test can show that the
 * start-up sync removes a skew between the cell and its hosts (and that none goes negative).
 */
export const CLOCK_SKEW_ENV = 'BENCH_TEST_CLOCK_SKEW_MS';

/** Host → cell at start-up, before `ready`; a peer worker names itself, as its channel is a broadcast. */
export interface ClockPing {
  type: 'clock-ping';
  from?: string;
}
/** Cell → host: the cell's clock when it answered. */
export interface ClockPong {
  type: 'clock-pong';
  to?: string;
  at: number;
}

/** run() start and end on the cell's clock (the host applied its offset), carried beside a result. */
export type RunStamps = [startAt: number, endAt: number];

/** Float64 slots of a shared-memory worker's stamp buffer. Never a bare number. */
export const StampSlot = { RUN_START: 0, RUN_END: 1 } as const;
export const STAMP_SLOTS = 2;

/**
 * Peer pools (piscina, tinypool, poolifier) carry only the task's value: with --phases the
 * executor wraps the input with a slot of a shared stamp buffer, where the worker leaves its
 * run stamps at 2 × slot and 2 × slot + 1. Slot −1: the task is not timed.
 */
export interface PeerTimedTask {
  slot: number;
  input: unknown;
}
/** Concurrent timed peer tasks; beyond it a task runs untimed (the measuring loop keeps far fewer in flight). */
export const PEER_STAMP_SLOTS = 4096;

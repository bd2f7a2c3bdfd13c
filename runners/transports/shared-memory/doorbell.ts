/**
 * The wake-up line from a pool's shared-memory workers to the cell. A worker that answers a
 * task rings (RUNG + 1), and only when the cell said it sleeps does it also post a message on
 * its line, so the cell sleeps once for the whole pool and collects every answer that
 * landed, from every worker, in one event-loop turn.
 *
 * A message, not Atomics.waitAsync: on Node 20 (V8 11.3) a waitAsync waiter notified while
 * it was being registered was sometimes never resolved, and the pool hung for good (seen
 * here about once per 100,000 no-op tasks, with the value checks in the right order).
 * A message is queued until taken, so a ring can arrive late, never get lost; Bun and Deno
 * take it too, where waitAsync was missing or polled.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { DoorbellSlot } from '../../contract/protocol.js';

/** A channel on the line: takes the answers that landed, says how many tasks it still holds. */
export type DoorbellMember = () => number;

export class Doorbell {
  readonly buffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  private readonly cells = new Int32Array(this.buffer);
  private readonly members = new Map<DoorbellMember, MessagePort>();
  private collecting = false;
  private wake: (() => void) | undefined;

  /** Adds a channel. Returns the worker's end of its line (to transfer) and how to take the channel off. */
  join(member: DoorbellMember): { line: MessagePort; leave: () => void } {
    const { port1, port2 } = new MessageChannel();
    port1.on('message', () => {
      const wake = this.wake;
      this.wake = undefined;
      wake?.(); // none: a late ring for a wait that ended on its own; the next look finds nothing new
    });
    this.members.set(member, port1);
    return {
      line: port2,
      leave: () => {
        port1.close();
        this.members.delete(member);
      },
    };
  }

  /** A member handed tasks over: collect until none holds any. */
  expectAnswers(): void {
    if (!this.collecting) void this.collect();
  }

  private async collect(): Promise<void> {
    this.collecting = true;
    try {
      for (;;) {
        // Read before the answers are taken: an answer after this moves RUNG, so the check below sees it.
        const rung = Atomics.load(this.cells, DoorbellSlot.RUNG);
        let held = 0;
        for (const member of this.members.keys()) held += member();
        if (held === 0) return;
        const woken = new Promise<void>((resolve) => {
          this.wake = resolve;
        });
        Atomics.store(this.cells, DoorbellSlot.CELL_WAITING, 1);
        // Raised, then checked: an answer in between was not rung for, and is taken now instead.
        if (Atomics.load(this.cells, DoorbellSlot.RUNG) === rung) await woken;
        this.wake = undefined;
        Atomics.store(this.cells, DoorbellSlot.CELL_WAITING, 0);
      }
    } finally {
      this.collecting = false;
    }
  }
}

/** The worker's side: one more answer is in; if the cell sleeps, wake it (once per sleep). */
export function ring(cells: Int32Array, line: MessagePort): void {
  Atomics.add(cells, DoorbellSlot.RUNG, 1);
  if (Atomics.compareExchange(cells, DoorbellSlot.CELL_WAITING, 1, 0) === 1) line.postMessage(null);
}

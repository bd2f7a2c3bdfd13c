/**
 * --phases for a peer pool, cell side: the shared buffer its workers leave run stamps in,
 * and the slots handed to tasks in flight. A peer library carries nothing but the task's
 * value, so a timed pool wraps every input with its slot (runners/contract/phases.ts
 * PeerTimedTask); the worker writes its stamps there before it returns, and the executor
 * reads them once the library has delivered the output, which orders the writes before.
 */
import type { Value } from '../../../suites/suite.js';
import { PEER_STAMP_SLOTS } from '../../contract/phases.js';
import type { TaskTiming } from '../../common/phase-timing.js';

export class PeerStamps {
  readonly buffer = new SharedArrayBuffer(2 * PEER_STAMP_SLOTS * Float64Array.BYTES_PER_ELEMENT);
  private readonly stamps = new Float64Array(this.buffer);
  private readonly free = Array.from({ length: PEER_STAMP_SLOTS }, (_, i) => PEER_STAMP_SLOTS - 1 - i);

  /** Submits `input` wrapped with a slot (−1: untimed); on success, hands the stamps to `timing`. */
  async around(input: Value, timing: TaskTiming | undefined, submit: (task: Value) => Promise<Value>): Promise<Value> {
    const slot = timing === undefined ? -1 : (this.free.pop() ?? -1);
    try {
      const output = await submit({ slot, input });
      if (slot >= 0) timing!.ran([this.stamps[2 * slot]!, this.stamps[2 * slot + 1]!]);
      return output;
    } finally {
      if (slot >= 0) this.free.push(slot);
    }
  }
}

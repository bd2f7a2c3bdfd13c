/**
 * --phases in a peer pool's worker. The library owns the worker's port and its task
 * messages, so both the clock sync and the run stamps go around it: the sync over the
 * executor's BroadcastChannel (each worker names itself, as every worker hears every
 * answer), the stamps into the executor's shared stamp buffer at the slot the task names.
 */
import { randomUUID } from 'node:crypto';
import { BroadcastChannel } from 'node:worker_threads';
import type { Value } from '../../../suites/suite.js';
import type { ClockPong, PeerTimedTask } from '../../contract/phases.js';
import { syncedClock } from '../clock-sync.js';
import { hostRawClock } from '../../common/phase-clock.js';

/** The worker's clock on the cell's time base, synced over the executor's channel. */
export async function peerClock(channelName: string): Promise<() => number> {
  const id = randomUUID();
  const channel = new BroadcastChannel(channelName);
  let answered: ((pong: ClockPong) => void) | undefined;
  channel.onmessage = (event) => {
    const message = (event as { data: { type?: string; to?: string } }).data;
    if (message.type === 'clock-pong' && message.to === id) answered?.(message as ClockPong);
  };
  try {
    return await syncedClock(
      (ping) =>
        new Promise<ClockPong>((resolve) => {
          answered = resolve;
          channel.postMessage(ping);
        }),
      id,
    );
  } finally {
    channel.close();
  }
}

/**
 * The suite's run for a pool that times phases: every task arrives wrapped with its stamp
 * slot. It stamps with the raw clock until `useClock` hands it the synced one: the executor
 * waits for `ready`, which follows the sync, but a replacement worker may be given a task first.
 */
export function timedPeerRun(
  run: (input: Value) => Value,
  stamps: Float64Array,
): { run: (task: Value) => Value; useClock: (clock: () => number) => void } {
  let clock = hostRawClock();
  return {
    run: (task) => {
      const { slot, input } = task as Value & PeerTimedTask;
      const startAt = clock();
      const output = run(input as Value);
      if (slot >= 0) {
        stamps[2 * slot] = startAt;
        stamps[2 * slot + 1] = clock();
      }
      return output;
    },
    useClock: (synced) => {
      clock = synced;
    },
  };
}

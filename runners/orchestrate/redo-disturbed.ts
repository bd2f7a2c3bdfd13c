/**
 * Redoing the rounds another program disturbed (reports/decide/paired/disturbed.ts decides
 * which). A disturbed round is kept aside in its cell's `disturbedRounds` and measured again
 * with the same round number, so it still pairs with its block's neighbours; before that the
 * run waits, briefly, for the machine to quieten. The budget bounds what a machine that stays
 * busy can cost: each round is tried at most MAX_TRIES times, the run redoes at most half its
 * planned rounds, and after GIVE_UP_AFTER redos in a row that were disturbed again the machine
 * is taken as busy until a round comes back quiet — rounds are kept as measured, and the answer says what the load
 * did (the CPU accounting's prediction) instead of waiting for a quiet that is not coming.
 */
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { disturbance } from '../../reports/decide/paired/disturbed.js';
import { machineBusyTicks, TICKS_PER_SECOND } from '../common/process-tree.js';
import type { RoundSample } from '../contract/results.js';

const MAX_TRIES = 3;
const GIVE_UP_AFTER = 3;
/** Longest wait for quiet before one redo, and over the whole run. */
const WAIT_MS = 5000;
const TOTAL_WAIT_MS = 20_000;
const POLL_MS = 250;

export type Judgement = { redo: true; reason: string } | { redo: false; keptDisturbed?: string };

export class DisturbedRounds {
  redone = 0;
  /** Rounds kept in the figures though disturbed: the budget ran out or the machine stayed busy. */
  keptDisturbed = 0;
  private readonly tries = new Map<string, number>();
  private againInARow = 0;
  private waitedMs = 0;
  private readonly budget: number;

  constructor(
    private readonly above: number,
    plannedRounds: number,
  ) {
    this.budget = Math.ceil(plannedRounds / 2);
  }

  /** After a round of cell `id` (its round number `round`) completed: redo it, or keep it. */
  judge(id: string, round: number, sample: RoundSample): Judgement {
    const key = `${id}\u0000${round}`;
    const tries = (this.tries.get(key) ?? 0) + 1;
    this.tries.set(key, tries);
    const reason = disturbance(sample, this.above);
    // A quiet round, first try or not, says the machine quietened: redoing may pay again.
    if (reason === undefined) this.againInARow = 0;
    else if (tries > 1) this.againInARow++;
    if (reason === undefined) return { redo: false };
    if (tries >= MAX_TRIES || this.redone >= this.budget || this.againInARow >= GIVE_UP_AFTER) {
      this.keptDisturbed++;
      return { redo: false, keptDisturbed: reason };
    }
    this.redone++;
    return { redo: true, reason };
  }

  /** Waits until the machine's other load falls to the threshold, at most WAIT_MS (TOTAL_WAIT_MS over the run). */
  async waitForQuiet(signal: AbortSignal): Promise<void> {
    const cores = os.availableParallelism();
    const limit = Math.min(WAIT_MS, TOTAL_WAIT_MS - this.waitedMs);
    const started = performance.now();
    let before = machineBusyTicks();
    while (performance.now() - started < limit && !signal.aborted) {
      await sleep(POLL_MS, undefined, { signal }).catch(() => undefined);
      const busy = machineBusyTicks();
      // This process sleeps meanwhile: what the machine did is (almost all) other programs'.
      const share = (busy - before) / TICKS_PER_SECOND / ((POLL_MS / 1000) * cores);
      before = busy;
      if (share <= this.above) break;
    }
    this.waitedMs += performance.now() - started;
  }
}

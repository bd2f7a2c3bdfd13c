/**
 * Whether run changes its input, asked where every strategy can be asked alike. A worker,
 * a child or a peer pool's worker gets a copy of each input, so the cell's own inputs never
 * change there (InputBank.assertUnchanged sees only a strategy that hands over the original)
 * and the breach would pass on those strategies and fail on main-thread. So the cell runs
 * one task itself, on a fresh input, and compares the input's fingerprint before and after.
 *
 * After the timed phases and after the peak RSS is read, like the payload figures: the
 * task's memory and time are in no figure. One task, not a sample: a run that changes its
 * input changes it every time in practice, and main-thread's bank check covers every task.
 * The same task's output, the only one the cell sees before any transport, is where a class
 * instance can still be told from plain data (value-kind.ts firstClassInstance).
 */
import type { Suite, Value } from '../../suites/suite.js';
import { runTask } from '../common/run-task.js';
import { fingerprintOf } from '../common/value-fingerprint.js';
import { mutatedInputMessage } from './input-bank.js';

/** `seen`: where the breach was seen, for its message (the HTTP server asks after its measured window). */
export function probeRunKeepsInput(
  suite: Suite,
  size: number,
  seed: number,
  seen = "seen on one task run on the cell's thread after the phases",
): Value | undefined {
  // The bank made this input twice already: it is a valid, deterministic one.
  const input = suite.makeInput(size, seed);
  const before = fingerprintOf(input);
  // A failing run failed the measurement before this point; it is not what is asked here.
  const ran = runTask(suite, input);
  if (!ran.ok) return undefined;
  if (fingerprintOf(input) !== before) {
    throw new Error(mutatedInputMessage(size, seed, seen));
  }
  return ran.output;
}

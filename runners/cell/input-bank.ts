import type { Suite, Value } from '../../suites/suite.js';
import { copyValue } from '../common/typed-arrays.js';
import { errorMessage } from '../common/error-message.js';
import { valueProblem } from '../common/value-problem.js';
import { firstDifference } from '../common/value-difference.js';
import { fingerprintOf } from '../common/value-fingerprint.js';

/** Distinct inputs per cell: enough to defeat caching, few enough to verify cheaply. */
const DISTINCT_INPUTS = 4;

/** The one line a run that changes its input fails with, wherever it is caught. */
export function mutatedInputMessage(size: number, seed: number, seen: string): string {
  return `run() mutated its input (makeInput(${size}, ${seed}), ${seen}): run must not change its input; copy what it changes first (e.g. input.slice())`;
}

function makeOne(suite: Suite, size: number, seed: number): Value {
  let input: unknown;
  try {
    input = suite.makeInput(size, seed);
  } catch (error) {
    throw new Error(`makeInput(${size}, ${seed}) threw ${errorMessage(error, { withName: true })}`);
  }
  const problem = valueProblem(input, 'makeInput()', 'inputs');
  if (problem) throw new Error(problem);
  return input as Value;
}

/**
 * The cell's inputs, generated once before anything is timed. Task i gets input
 * i mod 4. Strategies that transfer typed arrays get a copy they may detach: the
 * originals stay intact so every output can be verified against them.
 *
 * The suite contract is checked here too, where it costs no measured time: each input is
 * made twice and compared (a makeInput that draws on Math.random or the clock would have
 * each cell, and each round, measure different work), and each is fingerprinted so the
 * measurement can tell afterwards whether a run changed it (see `assertUnchanged`).
 */
export class InputBank {
  readonly inputs: Value[];
  private readonly fingerprints: string[];

  constructor(
    suite: Suite,
    private readonly size: number,
    private readonly seed: number,
    private readonly copyForTransfer: boolean,
  ) {
    this.inputs = Array.from({ length: DISTINCT_INPUTS }, (_, i) => {
      const input = makeOne(suite, size, seed + i);
      // Structurally, not by fingerprint: the message can then say where the two differ.
      const difference = firstDifference(input, makeOne(suite, size, seed + i));
      if (difference !== undefined) {
        throw new Error(
          `makeInput(${size}, ${seed + i}) is not deterministic: a second call with the same size and seed gave another input ` +
            `(${difference}): derive the input from size and seed alone (a seeded generator, not Math.random or the clock)`,
        );
      }
      return input;
    });
    this.fingerprints = this.inputs.map(fingerprintOf);
  }

  seedIndex(task: number): number {
    return task % DISTINCT_INPUTS;
  }

  forTask(task: number): Value {
    const input = this.inputs[this.seedIndex(task)]!;
    return this.copyForTransfer ? copyValue(input) : input;
  }

  /**
   * Throws when an original input no longer matches its fingerprint: a strategy that hands
   * the original to run (main-thread) then measures other work from the first task on (an
   * in-place sort sorts sorted data) and verifies against the changed input, so nothing
   * else notices. Called between phases, never inside a timed one: hashing is not free.
   */
  assertUnchanged(seen: string): void {
    const changed = this.inputs.findIndex((input, i) => fingerprintOf(input) !== this.fingerprints[i]);
    if (changed !== -1) throw new Error(mutatedInputMessage(this.size, this.seed + changed, seen));
  }
}

import type { Suite, Value } from '../../suites/suite.js';
import { copyValue } from '../common/typed-arrays.js';
import { errorMessage } from '../common/error-message.js';
import { valueProblem } from '../common/value-problem.js';

/** Distinct inputs per cell: enough to defeat caching, few enough to verify cheaply. */
const DISTINCT_INPUTS = 4;

/**
 * The cell's inputs, generated once before anything is timed. Task i gets input
 * i mod 4. Strategies that transfer typed arrays get a copy they may detach: the
 * originals stay intact so every output can be verified against them.
 */
export class InputBank {
  readonly inputs: Value[];

  constructor(
    suite: Suite,
    size: number,
    seed: number,
    private readonly copyForTransfer: boolean,
  ) {
    this.inputs = Array.from({ length: DISTINCT_INPUTS }, (_, i) => {
      let input: unknown;
      try {
        input = suite.makeInput(size, seed + i);
      } catch (error) {
        throw new Error(`makeInput(${size}, ${seed + i}) threw ${errorMessage(error, { withName: true })}`);
      }
      const problem = valueProblem(input, 'makeInput()', 'inputs');
      if (problem) throw new Error(problem);
      return input as Value;
    });
  }

  seedIndex(task: number): number {
    return task % DISTINCT_INPUTS;
  }

  forTask(task: number): Value {
    const input = this.inputs[this.seedIndex(task)]!;
    return this.copyForTransfer ? copyValue(input) : input;
  }
}

import type { Suite, Value } from '../../suites/suite.js';
import { valuesEqual } from '../common/typed-arrays.js';
import { errorMessage } from '../common/error-message.js';
import { valueProblem } from '../common/value-problem.js';

export class VerificationError extends Error {
  override name = 'VerificationError';
}

/**
 * Checks every output. The first output for each input goes through the suite's own
 * `verify` (possibly slow: sha256 recomputes the digest in plain JS); later outputs for
 * the same input must equal that verified one, a cheap comparison that keeps the
 * dispatching thread free during measurement. A different output is verified in full.
 */
export class OutputVerifier {
  private readonly verified = new Map<number, Value>();
  count = 0;

  constructor(
    private readonly suite: Suite,
    private readonly inputs: readonly Value[],
  ) {}

  check(seedIndex: number, output: Value): void {
    const known = this.verified.get(seedIndex);
    if (known === undefined || !valuesEqual(known, output)) {
      // The hosts check too, before their transport; this catches what a peer pool's carried.
      const problem = valueProblem(output, 'run()', 'outputs');
      if (problem) throw new VerificationError(problem);
      let right: boolean;
      try {
        right = this.suite.verify(this.inputs[seedIndex]!, output);
      } catch (error) {
        throw new VerificationError(`verify() threw ${errorMessage(error, { withName: true })}`);
      }
      if (!right) {
        throw new VerificationError(`wrong output from ${this.suite.name}: verify() rejected ${describe(output)}`);
      }
      this.verified.set(seedIndex, output);
    }
    this.count++;
  }
}

function describe(output: Value): string {
  const text = ArrayBuffer.isView(output) ? `${output.constructor.name}(${(output as Uint8Array).length})` : JSON.stringify(output);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

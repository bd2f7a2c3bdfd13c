import type { Suite, Value } from '../../suites/suite.js';
import { inspect } from 'node:util';
import { valuesEqual } from '../common/value-difference.js';
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
    if (!this.verified.has(seedIndex) || !valuesEqual(this.verified.get(seedIndex), output)) {
      // The hosts check too, before their transport; this catches what a peer pool's carried.
      const problem = valueProblem(output, 'run()', 'outputs');
      if (problem) throw new VerificationError(problem);
      // Typed boolean, but a user's suite is plain JavaScript: it may return anything.
      let verdict: unknown;
      try {
        verdict = this.suite.verify(this.inputs[seedIndex]!, output);
      } catch (error) {
        throw new VerificationError(`verify() threw ${errorMessage(error, { withName: true })}`);
      }
      // Exactly true: a truthy 'no', 1 or a Promise (an async verify not yet judged) would pass anything.
      if (verdict !== true && verdict !== false) {
        throw new VerificationError(`verify() returned ${describeVerdict(verdict)}: it must return true or false`);
      }
      if (!verdict) {
        throw new VerificationError(`wrong output from ${this.suite.name}: verify() rejected ${describe(output)}`);
      }
      this.verified.set(seedIndex, output);
    }
    this.count++;
  }
}

function describe(output: Value): string {
  // inspect, not JSON: a Map, a Set, a bigint or undefined would print as {} or throw.
  const text = inspect(output, { depth: 2, breakLength: Number.POSITIVE_INFINITY, maxArrayLength: 8, maxStringLength: 40 });
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `'yes' (a string)`, `1 (a number)`, `undefined`, `an instance of Promise`: what verify gave instead of a boolean. */
function describeVerdict(verdict: unknown): string {
  if (verdict === undefined || verdict === null) return String(verdict);
  if (typeof verdict === 'function') return 'a function';
  if (typeof verdict === 'object') return `an instance of ${(verdict as object).constructor?.name ?? 'a class'}`;
  const shown = typeof verdict === 'string' ? `'${verdict.length > 40 ? `${verdict.slice(0, 37)}...` : verdict}'` : String(verdict);
  return `${shown} (a${/^[aeiou]/.test(typeof verdict) ? 'n' : ''} ${typeof verdict})`;
}

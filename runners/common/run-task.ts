/**
 * One task, run the same way by every host (the cell's main thread, a worker thread, a
 * child process, a peer pool's worker): the suite's run(), then the check that its output
 * can cross any transport, each failure labelled with where it happened.
 */
import type { Suite, Value } from '../../suites/suite.js';
import { errorMessage } from './error-message.js';
import { valueProblem } from './value-problem.js';

export type TaskOutcome = { ok: true; output: Value } | { ok: false; message: string };

/**
 * The one rule for an async run, on every strategy: refused. A peer pool would await a
 * returned Promise and call the cell completed while bench's own hosts refused it as an
 * uncarriable output: the same suite must not pass on one and fail on the other. The
 * contract is a synchronous, CPU-bound run; what it awaits would not be CPU work anyway.
 */
export const ASYNC_RUN_REFUSED =
  'run() returned a Promise (an async run): run must be synchronous and return its output; every strategy refuses it';

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function'
  );
}

/** `maxOutputDepth`: the deepest output the cell's main thread can receive (output-depth.ts); absent: no limit. */
export function runTask(suite: Suite, input: Value, maxOutputDepth?: number): TaskOutcome {
  // Typed Value, but a user's suite is plain JavaScript: run may return anything.
  let output: unknown;
  try {
    output = suite.run(input);
  } catch (error) {
    return { ok: false, message: `run() threw ${errorMessage(error, { withName: true })}` };
  }
  if (isThenable(output)) {
    // Its settling is nobody's business now, but a rejection left unhandled would end the host.
    Promise.resolve(output).catch(() => {});
    return { ok: false, message: ASYNC_RUN_REFUSED };
  }
  const problem = valueProblem(output, 'run()', 'outputs', maxOutputDepth);
  return problem === undefined ? { ok: true, output: output as Value } : { ok: false, message: problem };
}

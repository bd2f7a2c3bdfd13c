/**
 * One task, run the same way by every host (the cell's main thread, a worker thread, a
 * child process): the suite's run(), then the check that its output can cross any
 * transport, each failure labelled with where it happened.
 */
import type { Suite, Value } from '../../suites/suite.js';
import { errorMessage } from './error-message.js';
import { valueProblem } from './value-problem.js';

export type TaskOutcome = { ok: true; output: Value } | { ok: false; message: string };

export function runTask(suite: Suite, input: Value): TaskOutcome {
  let output: unknown;
  try {
    output = suite.run(input);
  } catch (error) {
    return { ok: false, message: `run() threw ${errorMessage(error, { withName: true })}` };
  }
  const problem = valueProblem(output, 'run()', 'outputs');
  return problem === undefined ? { ok: true, output: output as Value } : { ok: false, message: problem };
}

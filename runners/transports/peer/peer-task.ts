/**
 * One task in a peer pool's worker, failing with the reason bench's own strategies give.
 * A library reports what a task throws in its own way (piscina crashes the cell on a
 * thrown plain object, poolifier shows '[object Object]'), and what it cannot send it may
 * not report at all (a 10,000-deep output hangs all three; a SharedArrayBuffer in a transfer
 * list crashes piscina). So the worker runs the task as every host does (runTask: the throw
 * labelled, the output checked against the contract), checks the output can reach the cell,
 * and throws an Error carrying only that reason: every library clones an Error faithfully.
 */
import type { Suite, TypedArray, Value } from '../../../suites/suite.js';
import { errorMessage } from '../../common/error-message.js';
import { runTask } from '../../common/run-task.js';
import { isTypedArray } from '../../common/typed-arrays.js';

/** Begins every reason a peer worker throws (runTask's all start "run() "): the executor passes these through as they are. */
export const OWN_REASON = /^(run\(\) |the output cannot be sent to the main thread: )/;

/** `maxOutputDepth`: the deepest output the cell's main thread can receive (runners/common/output-depth.ts); undefined: no limit. */
export function peerTask(suite: Suite, maxOutputDepth: number | undefined): (input: Value) => Value {
  return (input) => {
    let outcome: ReturnType<typeof runTask>;
    try {
      outcome = runTask(suite, input, maxOutputDepth);
    } catch (error) {
      // runTask catches run()'s throws: what escapes is its check of the output, overflowing a
      // worker's stack on an output nested too deep (Deno's workers: 10,000 levels).
      throw new Error(`the output cannot be sent to the main thread: ${errorMessage(error, { withName: true })}`);
    }
    // The depth the cell can receive is checked on runTask's own walk of the output.
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.output;
  };
}

/**
 * Whether the library should move the output's buffer rather than clone it: a typed array
 * on its own ArrayBuffer. One on a SharedArrayBuffer is shared by cloning, and listing that
 * buffer for transfer throws (piscina: the cell crashes; tinypool: the task fails).
 */
export function movable(output: Value): output is TypedArray {
  return isTypedArray(output) && output.buffer instanceof ArrayBuffer;
}

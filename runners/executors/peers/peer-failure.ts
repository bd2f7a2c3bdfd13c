/**
 * A peer library's rejection as one line: the reason bench's own strategies give where the
 * failure is the task's (peer-task.ts throws those, and they pass as they are), else what
 * the library said, prefixed with its name so a reader knows whose words they are. A library
 * may reject with anything — an Error, a plain object holding a message (poolifier on some
 * paths), a JSON text of one with its stack — and none of that reaches a report raw.
 */
import { OWN_REASON } from '../../transports/peer/peer-task.js';
import { isOutOfMemory, outOfMemoryCause } from '../../common/stderr-cause.js';

/** How much of a library's own message a reason keeps: a stack or a dump of internals is not a reason. */
const MAX_CHARS = 300;

function messageOf(thrown: unknown): string | undefined {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  const message = (thrown as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** A message that is itself a serialized error object ('{"message":"…","stack":"…"}'): its message. */
function unwrapped(message: string): string {
  if (!message.trimStart().startsWith('{')) return message;
  try {
    return messageOf(JSON.parse(message)) ?? message;
  } catch {
    return message;
  }
}

function oneLine(text: string): string {
  const line = text.split('\n').find((each) => each.trim() !== '') ?? '';
  return line.length > MAX_CHARS ? `${line.slice(0, MAX_CHARS)}…` : line;
}

/** piscina's words for a dead worker ("worker exited with code: 7"): worker-pool's are "worker thread exited with code 7". */
const WORKER_EXIT = /^worker exited with code:? (-?\d+)$/i;

/**
 * `heapMb`: the cell's --max-heap, named when the library says its worker ran out of memory
 * ("Worker terminated due to reaching memory limit: JS heap out of memory"), in the words a
 * worker-pool thread's death gets (transports/thread.ts).
 */
export function peerFailure(library: string, thrown: unknown, heapMb?: number): Error {
  const found = messageOf(thrown);
  const message = found === undefined ? undefined : oneLine(unwrapped(found));
  if (message !== undefined && OWN_REASON.test(message)) return new Error(message);
  if (message !== undefined && isOutOfMemory(message)) return new Error(`worker thread ${outOfMemoryCause(message, heapMb)}`);
  const exit = message === undefined ? null : WORKER_EXIT.exec(message);
  if (exit) return new Error(workerExited(exit[1]!));
  const name = thrown instanceof Error && thrown.name !== 'Error' ? `${thrown.name}: ` : '';
  return new Error(
    message === undefined || message === ''
      ? `${library} failed the task without saying why (it rejected with ${thrown === null ? 'null' : typeof thrown})`
      : `${library} failed the task: ${name}${message}`,
  );
}

/** A worker's exit in worker-pool's words. */
export const workerExited = (code: number | string): string => `worker thread exited with code ${code}`;

/**
 * How deep an output may nest and still reach the cell's main thread. Structured clone (and
 * V8's serializer, and JSON on the way back from a child) recurses once per level, on the
 * sending side and again on the receiving one, and a thread's stack bounds it: in Node 20 a
 * worker (4 MB stack) can send a chain some 7,700 objects deep, while the cell's main thread
 * (under 1 MB) receives only about 1,900. A message that fails to arrive is dropped with a
 * 'messageerror' that names no task, so the task stayed pending until the cell timed out
 * (worker-pool, the peer pools), a child died of the overflow (the process strategies), and
 * main-thread's own contract walk overflowed the cell's stack. So every strategy applies one
 * rule: the cell's main thread measures what it can take, once, before any task is timed,
 * and every host refuses an output nested deeper (runTask's output check, valueProblem's
 * maxDepth), naming why; the same suite passes or fails alike on every strategy.
 */

/** Past this, a runtime is taken to clone without recursing (Bun): no limit is passed on. */
const DEEPEST_TRIED = 16_384;

function chain(depth: number): object {
  let value: object = {};
  for (let level = 1; level < depth; level++) value = { next: value };
  return value;
}

function clones(depth: number): boolean {
  try {
    structuredClone(chain(depth));
    return true;
  } catch {
    // A stack overflow (RangeError) on V8; whatever another engine throws means the same here.
    return false;
  }
}

let measured: { depth: number | undefined } | undefined;

/**
 * The deepest chain of objects this thread can structured-clone, or undefined when it clones
 * the deepest tried. Some 14 clones of at most 16,384 small objects: a few milliseconds, paid
 * once per thread (remembered) when an executor starts, outside the timed phases.
 */
export function deepestReceivable(): number | undefined {
  measured ??= { depth: search() };
  return measured.depth;
}

function search(): number | undefined {
  if (clones(DEEPEST_TRIED)) return undefined;
  let fits = 1;
  let fails = DEEPEST_TRIED;
  while (fails - fits > 1) {
    const middle = Math.floor((fits + fails) / 2);
    if (clones(middle)) fits = middle;
    else fails = middle;
  }
  return fits;
}

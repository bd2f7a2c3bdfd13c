/**
 * The one check that a value a suite produced is something every transport can carry:
 * numbers, strings, booleans, typed arrays and plain objects of those (the suite
 * contract). Without it a function, a symbol or a cycle fails deep inside whichever
 * transport meets it first (JSON drops a function, structured clone throws, a cycle
 * overflows the stack of every recursive copy), each with a different, misleading message.
 */
import { isTypedArray } from './typed-arrays.js';

const CONTRACT = 'numbers, strings, booleans, typed arrays or plain objects of those';

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an instance of ${(value as object).constructor?.name ?? 'a class'}`;
  return `a${/^[aeiou]/.test(typeof value) ? 'n' : ''} ${typeof value}`;
}

/**
 * What is wrong with `value`, as "<who> returned a function at .a.b: <plural> must be …",
 * or undefined when it is carriable. `who`: "run()" or "makeInput()"; `plural`: "outputs" or "inputs".
 */
const DEPTH_LEAD = 'returned an output that nests more than ';
const DEPTH_PROBLEM = (who: string, maxDepth: number | undefined): string =>
  `${who} ${DEPTH_LEAD}${maxDepth === undefined ? 'this host can walk' : `${maxDepth} levels deep, more than the cell's main thread can receive from a worker or child`} (copying it would overflow the stack), so every strategy refuses it; return a flatter output`;

/**
 * `maxDepth`: the deepest output the cell's main thread can receive (runners/common/output-depth.ts);
 * deeper nesting is a problem too, found on the same walk rather than a second one inside the
 * measured time. A value deeper than this host's own stack allows is one as well, not a crash.
 */
export function valueProblem(value: unknown, who: string, plural: string, maxDepth = Number.POSITIVE_INFINITY): string | undefined {
  // Every host runs this once per task, inside the measured time: the common outputs (a number,
  // a string, a typed array) return before any allocation.
  if (isLeaf(value)) return undefined;
  const ancestors = new Set<object>();
  const visit = (item: unknown, path: string, depth: number): string | undefined => {
    if (isLeaf(item)) return undefined;
    if (depth > maxDepth) return DEPTH_PROBLEM(who, maxDepth);
    const type = typeof item;
    const at = path === '' ? '' : ` at ${path}`;
    if (type !== 'object' || item === null || Array.isArray(item) || !isPlain(item as object))
      return `${who} returned ${kindOf(item)}${at}`;
    if (ancestors.has(item as object)) return `${who} returned an object with a cycle${at}`;
    ancestors.add(item as object);
    for (const [key, child] of Object.entries(item as object)) {
      const problem = visit(child, `${path}.${key}`, depth + 1);
      if (problem) return problem;
    }
    if (Object.getOwnPropertySymbols(item).length > 0) return `${who} returned an object with symbol keys${at}`;
    ancestors.delete(item as object);
    return undefined;
  };
  let problem: string | undefined;
  try {
    problem = visit(value, '', 1);
  } catch (error) {
    // Only where no limit was measured (a runtime that clones without recursing, Bun): the walk
    // itself ran out of stack.
    if (!(error instanceof RangeError)) throw error;
    problem = DEPTH_PROBLEM(who, undefined);
  }
  if (problem === undefined || problem.includes(DEPTH_LEAD)) return problem;
  return `${problem}: ${plural} must be ${CONTRACT}`;
}

function isLeaf(item: unknown): boolean {
  const type = typeof item;
  return type === 'number' || type === 'string' || type === 'boolean' || isTypedArray(item);
}

function isPlain(item: object): boolean {
  const proto = Object.getPrototypeOf(item) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * The one check that a value a suite produced is something every transport can carry: what
 * structured clone carries (value-kind.ts), cycles excepted. Without it a function, a symbol
 * or a cycle fails deep inside whichever transport meets it first (JSON drops a function,
 * structured clone throws, a cycle overflows the stack of every recursive copy), each with a
 * different, misleading message.
 */
import type { Value } from '../../suites/suite.js';
import { childrenOf, valueKind } from './value-kind.js';

const CONTRACT =
  'what structured clone carries without a cycle: primitives, typed arrays, Dates, and arrays, Maps, Sets and objects of those';

function kindOf(value: unknown): string {
  if (typeof value === 'object' && value !== null) return `an instance of ${Object.prototype.toString.call(value).slice(8, -1)}`;
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
  const topKind = valueKind(value);
  if (topKind === 'primitive' || topKind === 'typed-array' || topKind === 'date') return undefined;
  const ancestors = new Set<object>();
  const visit = (item: unknown, path: string, depth: number): string | undefined => {
    const kind = valueKind(item);
    if (kind === 'primitive' || kind === 'typed-array' || kind === 'date') return undefined;
    if (depth > maxDepth) return DEPTH_PROBLEM(who, maxDepth);
    const at = path === '' ? '' : ` at ${path}`;
    if (kind === 'unsupported') return `${who} returned ${kindOf(item)}${at}`;
    if (ancestors.has(item as object)) return `${who} returned an object with a cycle${at}`;
    if (kind === 'record' && Object.getOwnPropertySymbols(item).length > 0) return `${who} returned an object with symbol keys${at}`;
    ancestors.add(item as object);
    for (const [segment, child] of childrenOf(item as Value, kind)) {
      const problem = visit(child, `${path}${segment}`, depth + 1);
      if (problem) return problem;
    }
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

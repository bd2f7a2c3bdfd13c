/**
 * Where two suite values first differ, for a message that points at it ("at [12]", "at .rows",
 * "in its length: 64 vs 65"), and the equality every check uses: NaN equals NaN, 0 equals -0,
 * a record's key order does not count, a Map's and a Set's insertion order does (the same code
 * on the same input inserts in the same order), and a class instance equals a plain object with
 * the same own enumerable data, which is what it becomes across a thread or process boundary.
 */
import type { TypedArray, Value } from '../../suites/suite.js';
import { typedArrayName } from './typed-arrays.js';
import { childrenOf, valueKind } from './value-kind.js';

const same = (a: unknown, b: unknown): boolean => a === b || Object.is(a, b);
const at = (path: string): string => (path === '' ? 'at the top' : `at ${path}`);

/** Undefined when `a` and `b` are equal; otherwise where they first differ. */
export function firstDifference(a: Value, b: Value, path = ''): string | undefined {
  const kind = valueKind(a);
  if (kind !== valueKind(b)) return `${at(path)}, in its type`;
  switch (kind) {
    case 'typed-array': {
      const [x, y] = [a as TypedArray, b as TypedArray];
      if (typedArrayName(x) !== typedArrayName(y)) return `${at(path)}, in its type`;
      if (x.length !== y.length) return `${at(path)}, in its length: ${x.length} vs ${y.length}`;
      for (let i = 0; i < x.length; i++) if (!same(x[i], y[i])) return `at ${path}[${i}]`;
      return undefined;
    }
    case 'date':
      return same((a as Date).getTime(), (b as Date).getTime()) ? undefined : at(path);
    case 'record': {
      const [x, y] = [a as Record<string, Value>, b as Record<string, Value>];
      for (const key of Object.keys(y)) if (!Object.hasOwn(x, key)) return `at ${path}.${key}, present only in the second`;
      for (const key of Object.keys(x)) if (!Object.hasOwn(y, key)) return `at ${path}.${key}, present only in the first`;
      break;
    }
    case 'map':
      return mapDifference(a as Map<Value, Value>, b as Map<Value, Value>, path);
    case 'array':
    case 'set': {
      const [x, y] = [sizeOf(a, kind), sizeOf(b, kind)];
      if (x !== y) return `${at(path)}, in its length: ${x} vs ${y}`;
      break;
    }
    default:
      return same(a, b) ? undefined : at(path);
  }
  // Containers of equal shape: their children pairwise, in the order childrenOf walks them.
  const other = kind === 'record' ? undefined : childrenOf(b, kind);
  for (const [segment, child] of childrenOf(a, kind)) {
    const counterpart = other === undefined ? (b as Record<string, Value>)[segment.slice(1)] : other.next().value?.[1];
    const difference = firstDifference(child, counterpart as Value, `${path}${segment}`);
    if (difference !== undefined) return difference;
  }
  return undefined;
}

function sizeOf(value: Value, kind: 'array' | 'set'): number {
  return kind === 'array' ? (value as Value[]).length : (value as Set<Value>).size;
}

/** Entry by entry, in insertion order: each key, then its value. */
function mapDifference(a: Map<Value, Value>, b: Map<Value, Value>, path: string): string | undefined {
  if (a.size !== b.size) return `${at(path)}, in its size: ${a.size} vs ${b.size}`;
  const others = b.entries();
  let index = 0;
  for (const [key, item] of a) {
    const [otherKey, otherItem] = others.next().value as [Value, Value];
    const difference =
      firstDifference(key, otherKey, `${path}(key #${index})`) ?? firstDifference(item, otherItem, `${path}(value #${index})`);
    if (difference !== undefined) return difference;
    index++;
  }
  return undefined;
}

export function valuesEqual(a: Value, b: Value): boolean {
  return firstDifference(a, b) === undefined;
}

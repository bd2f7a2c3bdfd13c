/**
 * Where two suite values first differ, for a message that points at it ("at [12]", "at .rows",
 * "in its length: 64 vs 65"). The same equality as valuesEqual: NaN equals NaN, 0 equals -0,
 * key order does not count.
 */
import type { Value } from '../../suites/suite.js';
import { isTypedArray } from './typed-arrays.js';

const same = (a: unknown, b: unknown): boolean => a === b || Object.is(a, b);
const at = (path: string): string => (path === '' ? 'at the top' : `at ${path}`);

/** Undefined when `a` and `b` are equal; otherwise where they first differ. */
export function firstDifference(a: Value, b: Value, path = ''): string | undefined {
  if (isTypedArray(a) || isTypedArray(b)) {
    if (!isTypedArray(a) || !isTypedArray(b) || a.constructor !== b.constructor) return `${at(path)}, in its type`;
    if (a.length !== b.length) return `${at(path)}, in its length: ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return `at ${path}[${i}]`;
    return undefined;
  }
  if (typeof a === 'object' || typeof b === 'object') {
    if (typeof a !== 'object' || typeof b !== 'object') return `${at(path)}, in its type`;
    for (const key of Object.keys(b)) if (!Object.hasOwn(a, key)) return `at ${path}.${key}, present only in the second`;
    for (const [key, item] of Object.entries(a)) {
      if (!Object.hasOwn(b, key)) return `at ${path}.${key}, present only in the first`;
      const difference = firstDifference(item, b[key]!, `${path}.${key}`);
      if (difference !== undefined) return difference;
    }
    return undefined;
  }
  return same(a, b) ? undefined : at(path);
}

/**
 * What kind of suite value something is, and what it holds: the one place that knows the
 * contract's kinds, so the contract check, the codecs, the comparison and the fingerprint
 * walk values alike. The kinds are what structured clone carries and real code returns:
 * primitives (bigint, null and undefined included), typed arrays, Date, arrays, Map, Set and
 * records — plain objects and class instances alike, by their own enumerable data, as
 * structured clone copies them (a prototype does not cross a thread or process boundary).
 */
import type { Value } from '../../suites/suite.js';
import { isTypedArray } from './typed-arrays.js';

export type ValueKind = 'primitive' | 'typed-array' | 'date' | 'array' | 'map' | 'set' | 'record' | 'unsupported';

const PRIMITIVES = new Set(['number', 'string', 'boolean', 'bigint', 'undefined']);

export function valueKind(value: unknown): ValueKind {
  if (value === null || PRIMITIVES.has(typeof value)) return 'primitive';
  if (typeof value !== 'object') return 'unsupported';
  if (isTypedArray(value)) return 'typed-array';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  if (value instanceof Map) return 'map';
  if (value instanceof Set) return 'set';
  // A class instance tags as Object too; a RegExp, an Error, a Promise or a WeakMap do not.
  return Object.prototype.toString.call(value) === '[object Object]' ? 'record' : 'unsupported';
}

/** A record that is not a plain object: an instance of a class, whose prototype stays behind. */
export function isClassInstance(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto !== Object.prototype && proto !== null;
}

/** A map key or set item, shown in a path: primitives as themselves, others by position. */
function keyText(key: unknown, index: number): string {
  if (typeof key === 'string') return JSON.stringify(key.length > 20 ? `${key.slice(0, 17)}...` : key);
  if (valueKind(key) === 'primitive') return typeof key === 'bigint' ? `${key}n` : String(key);
  return `#${index}`;
}

/**
 * The values a container holds, each with the path segment that reaches it from the
 * container: `[3]` in an array, `.name` in a record, `.get("k")` and `(key #0)` in a map,
 * `(item 2)` in a set. Array holes read as undefined, as every codec carries them.
 */
export function* childrenOf(value: Value, kind: ValueKind): Generator<[string, Value]> {
  if (kind === 'array') {
    const items = value as Value[];
    for (let i = 0; i < items.length; i++) yield [`[${i}]`, items[i]];
  } else if (kind === 'record') {
    for (const key of Object.keys(value as object)) yield [`.${key}`, (value as Record<string, Value>)[key]];
  } else if (kind === 'map') {
    let index = 0;
    for (const [key, item] of value as Map<Value, Value>) {
      if (valueKind(key) !== 'primitive') yield [`(key #${index})`, key];
      yield [`.get(${keyText(key, index)})`, item];
      index++;
    }
  } else if (kind === 'set') {
    let index = 0;
    for (const item of value as Set<Value>) yield [`(item ${index++})`, item];
  }
}

/** Whether `kind` holds other values (childrenOf yields them). */
export const isContainer = (kind: ValueKind): boolean => kind === 'array' || kind === 'record' || kind === 'map' || kind === 'set';

/**
 * The first class instance in `value` (depth first), with where it is and its class's name:
 * what one warning names, since such a value arrives across a boundary as plain data.
 */
export function firstClassInstance(value: Value, path = ''): { path: string; className: string } | undefined {
  const kind = valueKind(value);
  if (!isContainer(kind)) return undefined;
  if (kind === 'record' && isClassInstance(value as object)) {
    return { path: path === '' ? 'the top' : path, className: (value as object).constructor?.name || 'an anonymous class' };
  }
  for (const [segment, child] of childrenOf(value, kind)) {
    const found = firstClassInstance(child, `${path}${segment}`);
    if (found) return found;
  }
  return undefined;
}

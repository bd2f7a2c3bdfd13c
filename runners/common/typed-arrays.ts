import type { TypedArray, Value } from '../../suites/suite.js';
import { childrenOf, isContainer, valueKind } from './value-kind.js';

export const typedArrayConstructors = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
export type TypedArrayName = keyof typeof typedArrayConstructors;
export const typedArrayNames = Object.keys(typedArrayConstructors) as TypedArrayName[];

export function isTypedArray(value: unknown): value is TypedArray {
  return ArrayBuffer.isView(value) && !(value instanceof DataView);
}

/**
 * The standard kind of a typed array: a subclass (Node's Buffer, a Uint8Array) counts as its
 * base, which is what structured clone and every codec deliver on the other side.
 */
export function typedArrayName(value: TypedArray): TypedArrayName {
  let proto = Object.getPrototypeOf(value) as { constructor: { name: string } } | null;
  while (proto !== null && !Object.hasOwn(typedArrayConstructors, proto.constructor.name)) proto = Object.getPrototypeOf(proto);
  return (proto?.constructor.name ?? 'Uint8Array') as TypedArrayName;
}

/**
 * The ArrayBuffers a value holds, each once, for a postMessage transfer list (a buffer
 * listed twice, as two views of one buffer would list it, makes postMessage throw).
 */
export function transferables(value: Value): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (item: Value): void => {
    const kind = valueKind(item);
    if (kind === 'typed-array') {
      const { buffer } = item as TypedArray;
      if (buffer instanceof ArrayBuffer) buffers.add(buffer);
    } else if (isContainer(kind)) {
      for (const [, child] of childrenOf(item, kind)) visit(child);
    }
  };
  visit(value);
  return [...buffers];
}

/** A deep copy that owns its buffers, so the copy can be transferred away. */
export function copyValue(value: Value): Value {
  const kind = valueKind(value);
  switch (kind) {
    case 'typed-array':
      return (value as TypedArray).slice();
    case 'date':
      return new Date((value as Date).getTime());
    case 'array':
      return Array.from(value as Value[], copyValue);
    case 'map':
      return new Map(Array.from(value as Map<Value, Value>, ([key, item]) => [copyValue(key), copyValue(item)]));
    case 'set':
      return new Set(Array.from(value as Set<Value>, copyValue));
    case 'record': {
      const out: Record<string, Value> = {};
      for (const [key, item] of Object.entries(value as object)) out[key] = copyValue(item as Value);
      return out;
    }
    default:
      return value;
  }
}

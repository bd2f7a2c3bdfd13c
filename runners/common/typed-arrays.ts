import type { TypedArray, Value } from '../../suites/suite.js';

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
 * The ArrayBuffers a value holds, each once, for a postMessage transfer list (a buffer
 * listed twice, as two views of one buffer would list it, makes postMessage throw).
 */
export function transferables(value: Value): ArrayBuffer[] {
  return [...new Set(buffersOf(value))];
}

function buffersOf(value: Value): ArrayBuffer[] {
  if (isTypedArray(value)) return value.buffer instanceof ArrayBuffer ? [value.buffer] : [];
  if (typeof value === 'object') return Object.values(value).flatMap(buffersOf);
  return [];
}

/** A deep copy that owns its buffers, so the copy can be transferred away. */
export function copyValue(value: Value): Value {
  if (isTypedArray(value)) return value.slice();
  if (typeof value === 'object') {
    const out: Record<string, Value> = {};
    for (const [key, item] of Object.entries(value)) out[key] = copyValue(item);
    return out;
  }
  return value;
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (isTypedArray(a) || isTypedArray(b)) {
    if (!isTypedArray(a) || !isTypedArray(b) || a.constructor !== b.constructor || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) return false;
    return true;
  }
  if (typeof a === 'object' || typeof b === 'object') {
    if (typeof a !== 'object' || typeof b !== 'object') return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => key in b && valuesEqual(a[key]!, b[key]!));
  }
  return Object.is(a, b) || a === b;
}

/**
 * Values as JSON, for child processes: typed arrays travel as base64 under a tagged key,
 * everything else as itself. No BigInt, no undefined (the suite contract forbids both).
 */
import type { TypedArray, Value } from '../../../suites/suite.js';
import type { WireValue } from '../../contract/protocol.js';
import { isTypedArray, typedArrayConstructors, type TypedArrayName } from '../../common/typed-arrays.js';

const TAG = '__benchTypedArray';
/** JSON has no NaN or ±Infinity (they would arrive as null): they travel as a tagged string. */
const NUMBER_TAG = '__benchNumber';

export function toWire(value: Value): WireValue {
  if (isTypedArray(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return { [TAG]: value.constructor.name, base64: bytes.toString('base64') };
  }
  if (typeof value === 'object') {
    const out: Record<string, WireValue> = {};
    for (const [key, item] of Object.entries(value)) out[key] = toWire(item);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return { [NUMBER_TAG]: String(value) };
  return value;
}

export function fromWire(wire: WireValue): Value {
  if (typeof wire !== 'object') return wire;
  if (wire === null)
    throw new TypeError('null in a message: outputs may hold numbers, strings, booleans, typed arrays and objects of those');
  const number = wire[NUMBER_TAG];
  if (typeof number === 'string' && Object.keys(wire).length === 1) return Number(number);
  const kind = wire[TAG];
  if (typeof kind === 'string' && typeof wire['base64'] === 'string') {
    const Ctor = typedArrayConstructors[kind as TypedArrayName];
    if (!Ctor) throw new TypeError(`unknown typed array kind "${kind}" in a message`);
    const bytes = Buffer.from(wire['base64'], 'base64');
    // Copy into a fresh, aligned buffer: Buffer pools may start at any offset.
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    return new Ctor(copy.buffer) as TypedArray;
  }
  const out: Record<string, Value> = {};
  for (const [key, item] of Object.entries(wire)) out[key] = fromWire(item);
  return out;
}

/**
 * Values as JSON, for child processes (and HTTP replies): what JSON has (finite numbers,
 * strings, booleans, null, arrays, plain records) travels as itself; the rest as a record
 * tagged `{"__bench": kind, …}`: typed arrays (base64), non-finite numbers, bigint,
 * undefined, Date, Map and Set. A record of the suite's own that has a `__bench` key is
 * wrapped too, so no data can pass for a tag. Every value the suite contract allows
 * round-trips, a class instance as its own enumerable data (as structured clone copies it).
 */
import type { TypedArray, Value } from '../../../suites/suite.js';
import type { WireValue } from '../../contract/protocol.js';
import { typedArrayConstructors, typedArrayName, type TypedArrayName } from '../../common/typed-arrays.js';
import { valueKind } from '../../common/value-kind.js';

const TAG = '__bench';

type Tagged = { [TAG]: string; v?: WireValue; base64?: string };

const tagged = (kind: string, v?: WireValue): Tagged => (v === undefined ? { [TAG]: kind } : { [TAG]: kind, v });

export function toWire(value: Value): WireValue {
  switch (valueKind(value)) {
    case 'primitive':
      if (value === undefined) return tagged('undefined');
      if (typeof value === 'bigint') return tagged('bigint', value.toString());
      // JSON has no NaN or ±Infinity (they would arrive as null).
      if (typeof value === 'number' && !Number.isFinite(value)) return tagged('number', String(value));
      return value as WireValue;
    case 'typed-array': {
      const array = value as TypedArray;
      const bytes = Buffer.from(array.buffer, array.byteOffset, array.byteLength);
      return { [TAG]: typedArrayName(array), base64: bytes.toString('base64') };
    }
    case 'date':
      return tagged('date', String((value as Date).getTime()));
    case 'array':
      // A for loop, not map(): a hole becomes undefined, as structured clone reads it.
      return Array.from(value as Value[], toWire);
    case 'map':
      return tagged(
        'map',
        Array.from(value as Map<Value, Value>, ([key, item]) => [toWire(key), toWire(item)]),
      );
    case 'set':
      return tagged('set', Array.from(value as Set<Value>, toWire));
    default: {
      const out: Record<string, WireValue> = {};
      for (const [key, item] of Object.entries(value as object)) out[key] = toWire(item as Value);
      return Object.hasOwn(out, TAG) ? tagged('record', out) : out;
    }
  }
}

export function fromWire(wire: WireValue): Value {
  if (typeof wire !== 'object' || wire === null) return wire;
  if (Array.isArray(wire)) return wire.map(fromWire);
  const kind = wire[TAG];
  if (typeof kind !== 'string') return fromRecord(wire);
  const v = wire['v'];
  switch (kind) {
    case 'undefined':
      return undefined;
    case 'bigint':
      return BigInt(v as string);
    case 'number':
      return Number(v);
    case 'date':
      return new Date(Number(v));
    case 'map':
      return new Map((v as WireValue[][]).map(([key, item]) => [fromWire(key!), fromWire(item!)]));
    case 'set':
      return new Set((v as WireValue[]).map(fromWire));
    case 'record':
      return fromRecord(v as Record<string, WireValue>);
    default:
      return fromBase64(kind, wire['base64']);
  }
}

function fromRecord(wire: Record<string, WireValue>): Value {
  const out: Record<string, Value> = {};
  for (const [key, item] of Object.entries(wire)) out[key] = fromWire(item);
  return out;
}

function fromBase64(kind: string, base64: WireValue | undefined): TypedArray {
  const Ctor = typedArrayConstructors[kind as TypedArrayName];
  if (!Ctor || typeof base64 !== 'string') throw new TypeError(`unknown tag "${kind}" in a message`);
  const bytes = Buffer.from(base64, 'base64');
  // Copy into a fresh, aligned buffer: Buffer pools may start at any offset.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return new Ctor(copy.buffer) as TypedArray;
}

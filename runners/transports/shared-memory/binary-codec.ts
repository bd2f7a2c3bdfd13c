/**
 * Values as bytes, for the shared-memory strategy: written straight into a
 * SharedArrayBuffer and read back, so no payload goes through structured clone.
 *
 * Layout: a tag byte, then — number: float64 · boolean: 1 byte · string: u32 length + UTF-8 ·
 * typed array: kind byte + pad byte + u32 byte length + `pad` zero bytes + data · object: u32 entry
 * count + (key string, value)* · null, undefined: nothing · bigint: its decimal string · Date:
 * float64 time · array, Set: u32 count + value* · Map: u32 count + (key, value)*. Little-endian
 * throughout. The padding puts typed-array data on an
 * 8-byte boundary, so a worker can view it in place instead of copying it.
 */
import { Buffer } from 'node:buffer';
import type { TypedArray, Value } from '../../../suites/suite.js';
import { typedArrayConstructors, typedArrayName, typedArrayNames } from '../../common/typed-arrays.js';
import { valueKind } from '../../common/value-kind.js';

const Tag = {
  NUMBER: 1,
  BOOLEAN: 2,
  STRING: 3,
  TYPED_ARRAY: 4,
  OBJECT: 5,
  NULL: 6,
  UNDEFINED: 7,
  BIGINT: 8,
  DATE: 9,
  ARRAY: 10,
  MAP: 11,
  SET: 12,
} as const;

const ALIGNMENT = 8;
const TYPED_HEADER_BYTES = 7;

/**
 * A value measured for writing: its encoded length. Strings are measured with Buffer.byteLength
 * and written with Buffer#write straight into the target, and read back with Buffer#toString
 * over the source: native, no per-string copy (a TextEncoder pass per string, and a slice per
 * string for TextDecoder, made a 1,000-record document 13× slower to carry than structured
 * clone). Buffer views of a SharedArrayBuffer work on Node, Bun and Deno alike.
 */
export type Encoded = { value: Value; byteLength: number };

/**
 * Short strings (keys, names, tags: most of a document's strings) are written and read byte by
 * byte when they are ASCII: a native call per string costs more than the loop below this length.
 */
const SHORT_STRING = 32;

function writeAscii(target: Uint8Array, text: string, at: number): boolean {
  if (text.length > SHORT_STRING) return false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return false;
    target[at + i] = code;
  }
  return true;
}

/**
 * A short ASCII string, read from its bytes through `seen`: a document repeats its keys (and
 * many values) on every record, and handing back the one string already made means a record's
 * keyed store finds its property name already hashed, not a fresh string to internalize.
 */
function readAscii(source: Uint8Array, at: number, length: number, seen: Map<number, string>): string | undefined {
  if (length > SHORT_STRING) return undefined;
  let hash = length;
  for (let i = at; i < at + length; i++) {
    const byte = source[i]!;
    if (byte > 0x7f) return undefined;
    hash = (Math.imul(hash, 31) + byte) | 0;
  }
  const known = seen.get(hash);
  if (known !== undefined && known.length === length && sameAscii(known, source, at)) return known;
  const text: string = Reflect.apply(String.fromCharCode, null, source.subarray(at, at + length));
  if (seen.size < MAX_SEEN_STRINGS) seen.set(hash, text);
  return text;
}

const MAX_SEEN_STRINGS = 4096;

function sameAscii(text: string, source: Uint8Array, at: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== source[at + i]) return false;
  return true;
}

/** Zero bytes that put the data of a typed array whose header starts at `offset` on an 8-byte boundary. */
const padAt = (offset: number): number => (ALIGNMENT - ((offset + TYPED_HEADER_BYTES) % ALIGNMENT)) % ALIGNMENT;

export function encode(value: Value): Encoded {
  const stringLength = (text: string): number => 4 + Buffer.byteLength(text, 'utf8');
  const lengthAt = (item: Value, offset: number): number => {
    if (typeof item === 'number') return offset + 9;
    if (typeof item === 'boolean') return offset + 2;
    if (typeof item === 'string') return offset + 1 + stringLength(item);
    if (typeof item === 'bigint') return offset + 1 + stringLength(item.toString());
    if (item === null || item === undefined) return offset + 1;
    const kind = valueKind(item);
    if (kind === 'typed-array') return offset + TYPED_HEADER_BYTES + padAt(offset) + (item as TypedArray).byteLength;
    if (kind === 'date') return offset + 9;
    let end = offset + 5;
    if (kind === 'record') {
      for (const key of Object.keys(item)) {
        end += stringLength(key);
        end = lengthAt((item as Record<string, Value>)[key], end);
      }
    } else if (kind === 'map') {
      for (const [key, entry] of item as Map<Value, Value>) end = lengthAt(entry, lengthAt(key, end));
    } else {
      for (const entry of item as Value[] | Set<Value>) end = lengthAt(entry, end);
    }
    return end;
  };
  return { value, byteLength: lengthAt(value, 0) };
}

export function writeInto(encoded: Encoded, target: Uint8Array): void {
  const view = new DataView(target.buffer, target.byteOffset, target.byteLength);
  const bytes = Buffer.from(target.buffer, target.byteOffset, target.byteLength);
  let offset = 0;
  const writeString = (text: string): void => {
    const length = writeAscii(target, text, offset + 4) ? text.length : bytes.write(text, offset + 4, 'utf8');
    view.setUint32(offset, length, true);
    offset += 4 + length;
  };
  const counted = (tag: number, write: () => number): void => {
    const countAt = offset + 1;
    view.setUint8(offset, tag);
    offset += 5;
    view.setUint32(countAt, write(), true);
  };
  const visit = (item: Value): void => {
    if (typeof item === 'number') {
      view.setUint8(offset, Tag.NUMBER);
      view.setFloat64(offset + 1, item, true);
      offset += 9;
    } else if (typeof item === 'boolean') {
      view.setUint8(offset, Tag.BOOLEAN);
      view.setUint8(offset + 1, item ? 1 : 0);
      offset += 2;
    } else if (typeof item === 'string' || typeof item === 'bigint') {
      view.setUint8(offset++, typeof item === 'string' ? Tag.STRING : Tag.BIGINT);
      writeString(typeof item === 'string' ? item : item.toString());
    } else if (item === null || item === undefined) {
      view.setUint8(offset++, item === null ? Tag.NULL : Tag.UNDEFINED);
    } else if (item instanceof Date) {
      view.setUint8(offset, Tag.DATE);
      view.setFloat64(offset + 1, item.getTime(), true);
      offset += 9;
    } else if (valueKind(item) === 'typed-array') {
      const array = item as TypedArray;
      const pad = padAt(offset);
      view.setUint8(offset, Tag.TYPED_ARRAY);
      view.setUint8(offset + 1, typedArrayNames.indexOf(typedArrayName(array)));
      view.setUint8(offset + 2, pad);
      view.setUint32(offset + 3, array.byteLength, true);
      target.fill(0, offset + TYPED_HEADER_BYTES, offset + TYPED_HEADER_BYTES + pad);
      offset += TYPED_HEADER_BYTES + pad;
      target.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
      offset += array.byteLength;
    } else if (Array.isArray(item) || item instanceof Set) {
      counted(Array.isArray(item) ? Tag.ARRAY : Tag.SET, () => {
        let count = 0;
        for (const entry of item) {
          visit(entry);
          count++;
        }
        return count;
      });
    } else if (item instanceof Map) {
      counted(Tag.MAP, () => {
        for (const [key, entry] of item) {
          visit(key);
          visit(entry);
        }
        return item.size;
      });
    } else {
      counted(Tag.OBJECT, () => {
        const keys = Object.keys(item);
        for (const key of keys) {
          writeString(key);
          visit((item as Record<string, Value>)[key]);
        }
        return keys.length;
      });
    }
  };
  visit(encoded.value);
}

/**
 * Decodes a value. By default typed arrays are copied out, so the result owns ordinary
 * buffers; with `views: true` they are views into `source` (zero-copy: the worker runs
 * the task straight on shared memory, which stays untouched until it signals DONE).
 */
export function decode(source: Uint8Array, { views = false } = {}): Value {
  const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
  let offset = 0;
  const bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  const seen = new Map<number, string>();
  const readString = (): string => {
    const length = view.getUint32(offset, true);
    offset += 4;
    const text = readAscii(source, offset, length, seen) ?? bytes.toString('utf8', offset, offset + length);
    offset += length;
    return text;
  };
  const readCount = (): number => {
    const count = view.getUint32(offset, true);
    offset += 4;
    return count;
  };
  const visit = (): Value => {
    const tag = view.getUint8(offset++);
    switch (tag) {
      case Tag.NUMBER: {
        const n = view.getFloat64(offset, true);
        offset += 8;
        return n;
      }
      case Tag.BOOLEAN:
        return view.getUint8(offset++) === 1;
      case Tag.STRING:
        return readString();
      case Tag.TYPED_ARRAY: {
        const name = typedArrayNames[view.getUint8(offset)];
        const pad = view.getUint8(offset + 1);
        const byteLength = view.getUint32(offset + 2, true);
        offset += TYPED_HEADER_BYTES - 1 + pad;
        if (!name) throw new TypeError('corrupt shared-memory payload: unknown typed array kind');
        const Ctor = typedArrayConstructors[name];
        const start = source.byteOffset + offset;
        offset += byteLength;
        // A view must start on an element boundary; an unaligned one falls back to a copy.
        if (views && start % Ctor.BYTES_PER_ELEMENT === 0) {
          return new Ctor(source.buffer as ArrayBuffer, start, byteLength / Ctor.BYTES_PER_ELEMENT) as TypedArray;
        }
        return new Ctor(source.slice(offset - byteLength, offset).buffer) as TypedArray;
      }
      case Tag.OBJECT: {
        const out: Record<string, Value> = {};
        for (let i = readCount(); i > 0; i--) {
          const key = readString();
          out[key] = visit();
        }
        return out;
      }
      case Tag.NULL:
        return null;
      case Tag.UNDEFINED:
        return undefined;
      case Tag.BIGINT:
        return BigInt(readString());
      case Tag.DATE: {
        const time = view.getFloat64(offset, true);
        offset += 8;
        return new Date(time);
      }
      case Tag.ARRAY: {
        const out: Value[] = [];
        for (let i = readCount(); i > 0; i--) out.push(visit());
        return out;
      }
      case Tag.SET: {
        const out = new Set<Value>();
        for (let i = readCount(); i > 0; i--) out.add(visit());
        return out;
      }
      case Tag.MAP: {
        const out = new Map<Value, Value>();
        for (let i = readCount(); i > 0; i--) {
          const key = visit();
          out.set(key, visit());
        }
        return out;
      }
      default:
        throw new TypeError(`corrupt shared-memory payload: tag ${tag}`);
    }
  };
  return visit();
}

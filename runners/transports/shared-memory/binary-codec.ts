/**
 * Values as bytes, for the shared-memory strategy: written straight into a
 * SharedArrayBuffer and read back, so no payload goes through structured clone.
 *
 * Layout: a tag byte, then — number: float64 · boolean: 1 byte · string: u32 length + UTF-8 ·
 * typed array: kind byte + pad byte + u32 byte length + `pad` zero bytes + data · object: u32 entry
 * count + (key string, value)*. Little-endian throughout. The padding puts typed-array data on an
 * 8-byte boundary, so a worker can view it in place instead of copying it.
 */
import type { TypedArray, Value } from '../../../suites/suite.js';
import { isTypedArray, typedArrayConstructors, typedArrayNames } from '../../common/typed-arrays.js';

const Tag = { NUMBER: 1, BOOLEAN: 2, STRING: 3, TYPED_ARRAY: 4, OBJECT: 5 } as const;

const ALIGNMENT = 8;
const TYPED_HEADER_BYTES = 7;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Pieces to copy, in order; typed-array data is referenced, not copied, until writeInto. */
export type Encoded = { parts: Uint8Array[]; byteLength: number };

export function encode(value: Value): Encoded {
  const parts: Uint8Array[] = [];
  let length = 0;
  const push = (part: Uint8Array): void => {
    parts.push(part);
    length += part.byteLength;
  };
  const header = (bytes: number, fill: (view: DataView) => void): void => {
    const part = new Uint8Array(bytes);
    fill(new DataView(part.buffer));
    push(part);
  };
  const pushString = (text: string): void => {
    const utf8 = encoder.encode(text);
    header(4, (view) => view.setUint32(0, utf8.byteLength, true));
    push(utf8);
  };
  const visit = (item: Value): void => {
    if (typeof item === 'number') {
      header(9, (view) => {
        view.setUint8(0, Tag.NUMBER);
        view.setFloat64(1, item, true);
      });
    } else if (typeof item === 'boolean') {
      header(2, (view) => {
        view.setUint8(0, Tag.BOOLEAN);
        view.setUint8(1, item ? 1 : 0);
      });
    } else if (typeof item === 'string') {
      header(1, (view) => view.setUint8(0, Tag.STRING));
      pushString(item);
    } else if (isTypedArray(item)) {
      const kind = typedArrayNames.indexOf(item.constructor.name as (typeof typedArrayNames)[number]);
      const pad = (ALIGNMENT - ((length + TYPED_HEADER_BYTES) % ALIGNMENT)) % ALIGNMENT;
      header(TYPED_HEADER_BYTES + pad, (view) => {
        view.setUint8(0, Tag.TYPED_ARRAY);
        view.setUint8(1, kind);
        view.setUint8(2, pad);
        view.setUint32(3, item.byteLength, true);
      });
      push(new Uint8Array(item.buffer, item.byteOffset, item.byteLength));
    } else {
      const entries = Object.entries(item);
      header(5, (view) => {
        view.setUint8(0, Tag.OBJECT);
        view.setUint32(1, entries.length, true);
      });
      for (const [key, child] of entries) {
        pushString(key);
        visit(child);
      }
    }
  };
  visit(value);
  return { parts, byteLength: length };
}

export function writeInto(encoded: Encoded, target: Uint8Array): void {
  let offset = 0;
  for (const part of encoded.parts) {
    target.set(part, offset);
    offset += part.byteLength;
  }
}

/**
 * Decodes a value. By default typed arrays are copied out, so the result owns ordinary
 * buffers; with `views: true` they are views into `source` (zero-copy: the worker runs
 * the task straight on shared memory, which stays untouched until it signals DONE).
 */
export function decode(source: Uint8Array, { views = false } = {}): Value {
  const view = new DataView(source.buffer, source.byteOffset, source.byteLength);
  let offset = 0;
  const readString = (): string => {
    const length = view.getUint32(offset, true);
    offset += 4;
    // slice(): TextDecoder refuses views of a SharedArrayBuffer in some runtimes.
    const text = decoder.decode(source.slice(offset, offset + length));
    offset += length;
    return text;
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
        const count = view.getUint32(offset, true);
        offset += 4;
        const out: Record<string, Value> = {};
        for (let i = 0; i < count; i++) {
          const key = readString();
          out[key] = visit();
        }
        return out;
      }
      default:
        throw new TypeError(`corrupt shared-memory payload: tag ${tag}`);
    }
  };
  return visit();
}

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

/**
 * A value measured for writing: its encoded length, and its strings already in UTF-8 (the
 * one part whose length cannot be known without encoding it). Nothing else is copied until
 * writeInto, which writes straight into the target: no intermediate pieces, one DataView.
 */
export type Encoded = { value: Value; byteLength: number; strings: Uint8Array[] };

/** Zero bytes that put the data of a typed array whose header starts at `offset` on an 8-byte boundary. */
const padAt = (offset: number): number => (ALIGNMENT - ((offset + TYPED_HEADER_BYTES) % ALIGNMENT)) % ALIGNMENT;

export function encode(value: Value): Encoded {
  const strings: Uint8Array[] = [];
  const stringLength = (text: string): number => {
    const utf8 = encoder.encode(text);
    strings.push(utf8);
    return 4 + utf8.byteLength;
  };
  const lengthAt = (item: Value, offset: number): number => {
    if (typeof item === 'number') return offset + 9;
    if (typeof item === 'boolean') return offset + 2;
    if (typeof item === 'string') return offset + 1 + stringLength(item);
    if (isTypedArray(item)) return offset + TYPED_HEADER_BYTES + padAt(offset) + item.byteLength;
    let end = offset + 5;
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue;
      end += stringLength(key);
      end = lengthAt(item[key]!, end);
    }
    return end;
  };
  return { value, byteLength: lengthAt(value, 0), strings };
}

export function writeInto(encoded: Encoded, target: Uint8Array): void {
  const view = new DataView(target.buffer, target.byteOffset, target.byteLength);
  let offset = 0;
  let nextString = 0;
  const writeString = (): void => {
    const utf8 = encoded.strings[nextString++]!;
    view.setUint32(offset, utf8.byteLength, true);
    target.set(utf8, offset + 4);
    offset += 4 + utf8.byteLength;
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
    } else if (typeof item === 'string') {
      view.setUint8(offset++, Tag.STRING);
      writeString();
    } else if (isTypedArray(item)) {
      const pad = padAt(offset);
      view.setUint8(offset, Tag.TYPED_ARRAY);
      view.setUint8(offset + 1, typedArrayNames.indexOf(item.constructor.name as (typeof typedArrayNames)[number]));
      view.setUint8(offset + 2, pad);
      view.setUint32(offset + 3, item.byteLength, true);
      target.fill(0, offset + TYPED_HEADER_BYTES, offset + TYPED_HEADER_BYTES + pad);
      offset += TYPED_HEADER_BYTES + pad;
      target.set(new Uint8Array(item.buffer, item.byteOffset, item.byteLength), offset);
      offset += item.byteLength;
    } else {
      const countAt = offset + 1;
      view.setUint8(offset, Tag.OBJECT);
      offset += 5;
      let count = 0;
      for (const key in item) {
        if (!Object.hasOwn(item, key)) continue;
        count++;
        writeString();
        visit(item[key]!);
      }
      view.setUint32(countAt, count, true);
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

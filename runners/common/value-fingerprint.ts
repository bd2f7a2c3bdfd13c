/**
 * A digest of a suite value, to tell later whether it changed without keeping a copy of it
 * (an input may be a 64 MiB typed array; a second copy would show in the cell's peak RSS).
 * Not a security measure: SHA-1 because every runtime's node:crypto has it and it is fast.
 */
import { createHash, type Hash } from 'node:crypto';
import type { TypedArray, Value } from '../../suites/suite.js';
import { typedArrayName } from './typed-arrays.js';
import { childrenOf, isContainer, valueKind } from './value-kind.js';

function feed(hash: Hash, value: Value): void {
  const kind = valueKind(value);
  if (kind === 'typed-array') {
    const array = value as TypedArray;
    hash.update(`${typedArrayName(array)}(${array.length}):`);
    hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  } else if (isContainer(kind)) {
    // Counts and path segments are written out, so no two different values feed the same bytes.
    hash.update(`${kind}{`);
    for (const [segment, child] of childrenOf(value, kind)) {
      hash.update(`${segment.length}:${segment}=`);
      feed(hash, child);
    }
    hash.update('}');
  } else if (typeof value === 'string') {
    hash.update(`s${value.length}:`);
    hash.update(value);
  } else if (kind === 'date') {
    hash.update(`date:${(value as Date).getTime()};`);
  } else {
    hash.update(`${value === null ? 'null' : typeof value}:${String(value)};`);
  }
}

export function fingerprintOf(value: Value): string {
  const hash = createHash('sha1');
  feed(hash, value);
  return hash.digest('hex');
}

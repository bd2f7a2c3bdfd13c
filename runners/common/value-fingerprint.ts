/**
 * A digest of a suite value, to tell later whether it changed without keeping a copy of it
 * (an input may be a 64 MiB typed array; a second copy would show in the cell's peak RSS).
 * Not a security measure: SHA-1 because every runtime's node:crypto has it and it is fast.
 */
import { createHash, type Hash } from 'node:crypto';
import type { Value } from '../../suites/suite.js';
import { isTypedArray } from './typed-arrays.js';

function feed(hash: Hash, value: Value): void {
  if (isTypedArray(value)) {
    hash.update(`${value.constructor.name}(${value.length}):`);
    hash.update(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
  } else if (typeof value === 'object') {
    // Key and item lengths are written out, so no two different values feed the same bytes.
    const entries = Object.entries(value);
    hash.update(`{${entries.length}:`);
    for (const [key, item] of entries) {
      hash.update(`${key.length}:${key}=`);
      feed(hash, item);
    }
    hash.update('}');
  } else if (typeof value === 'string') {
    hash.update(`s${value.length}:`);
    hash.update(value);
  } else {
    hash.update(`${typeof value}:${String(value)};`);
  }
}

export function fingerprintOf(value: Value): string {
  const hash = createHash('sha1');
  feed(hash, value);
  return hash.digest('hex');
}

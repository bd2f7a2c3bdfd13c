import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode, encode, writeInto } from '../../runners/transports/shared-memory/binary-codec.js';
import type { Value } from '../../suites/suite.js';

test('the shared-memory codec round-trips null, undefined, arrays, Map, Set, Date and bigint', () => {
  const value: Value = {
    none: null,
    missing: undefined,
    list: [1, 'two', [null, { deep: [true, new Float64Array([0.5])] }]],
    counts: new Map<Value, Value>([
      ['a', 1],
      [{ key: 'object' }, new Set<Value>([2n, 'x'])],
    ]),
    when: new Date(86_400_000),
    big: -(2n ** 90n),
    bytes: Buffer.from([1, 2, 3]),
  };
  const encoded = encode(value);
  const shared = new Uint8Array(new SharedArrayBuffer(encoded.byteLength));
  writeInto(encoded, shared);
  for (const views of [false, true]) {
    assert.deepEqual(decode(shared, { views }), { ...value, bytes: new Uint8Array([1, 2, 3]) }, `views: ${views}`);
  }
});

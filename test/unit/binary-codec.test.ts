import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode, encode, writeInto } from '../../runners/transports/shared-memory/binary-codec.js';
import type { Value } from '../../suites/suite.js';

test('the shared-memory codec round-trips every value kind through a SharedArrayBuffer', () => {
  const value: Value = {
    n: -1.5e-300,
    s: 'héllo ✓',
    b: true,
    f64: new Float64Array([1.5, Number.NaN, -0]),
    u8: new Uint8Array([0, 255]),
    nested: { i32: new Int32Array([-7, 2 ** 31 - 1]), empty: '' },
  };
  const encoded = encode(value);
  const shared = new Uint8Array(new SharedArrayBuffer(encoded.byteLength));
  writeInto(encoded, shared);
  const decoded = decode(shared);
  assert.deepEqual(decoded, value);
  assert.ok(!((decoded as { f64: Float64Array }).f64.buffer instanceof SharedArrayBuffer), 'decoded arrays own plain buffers');
});

test('typed arrays decoded as views sit on shared memory, aligned, without a copy', () => {
  const value: Value = { tag: 'x', f64: new Float64Array([1, 2, 3]), u8: new Uint8Array([9]), i32: new Int32Array([4]) };
  const encoded = encode(value);
  const shared = new Uint8Array(new SharedArrayBuffer(encoded.byteLength));
  writeInto(encoded, shared);
  const decoded = decode(shared, { views: true }) as { f64: Float64Array; i32: Int32Array };
  assert.deepEqual(decoded, value);
  assert.equal(decoded.f64.buffer, shared.buffer, 'Float64Array is a view, not a copy');
  assert.equal(decoded.i32.buffer, shared.buffer);
});

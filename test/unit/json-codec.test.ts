import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromWire, toWire } from '../../runners/transports/child/json-codec.js';
import type { Value } from '../../suites/suite.js';

test('the child-process codec round-trips typed arrays through JSON text', () => {
  const value: Value = { digest: 'ab', sorted: new Float64Array([0.1, 2, 3]), bytes: new Uint8Array([1, 2, 3]).subarray(1), n: 4 };
  const decoded = fromWire(JSON.parse(JSON.stringify(toWire(value))));
  assert.deepEqual(decoded, { ...value, bytes: new Uint8Array([2, 3]) });
});

test('NaN and ±Infinity survive the codec (JSON alone would turn them into null)', () => {
  const value: Value = { nan: NaN, inf: Infinity, negInf: -Infinity, nested: { n: -0.5 } };
  const decoded = fromWire(JSON.parse(JSON.stringify(toWire(value))));
  assert.deepEqual(decoded, value);
});

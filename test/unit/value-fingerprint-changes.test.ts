/** fingerprintOf: equal values share one, and any change to a value (an element, a key, a type) changes it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Value } from '../../suites/suite.js';
import { fingerprintOf } from '../../runners/common/value-fingerprint.js';

test('a fingerprint changes with the value, and only with it', () => {
  const base = { values: new Float64Array([3, 1, 2]), label: 'a' };
  assert.equal(fingerprintOf(base), fingerprintOf({ values: new Float64Array([3, 1, 2]), label: 'a' }));
  const changed: Value[] = [
    { values: new Float64Array([1, 2, 3]), label: 'a' },
    { values: new Float32Array([3, 1, 2]), label: 'a' },
    { values: new Float64Array([3, 1, 2]), label: 'b' },
    { values: new Float64Array([3, 1, 2]), label: 'a', more: 1 },
    { values: new Float64Array([3, 1, 2]) },
  ];
  for (const value of changed) assert.notEqual(fingerprintOf(value), fingerprintOf(base), JSON.stringify(value));
  assert.notEqual(fingerprintOf('1'), fingerprintOf(1));
  assert.notEqual(fingerprintOf({ ab: 'c' }), fingerprintOf({ a: 'bc' }));
});

/** firstDifference names where two suite values first differ, and nothing for equal ones. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstDifference } from '../../runners/common/value-difference.js';

test('firstDifference points at the first differing element, key or length', () => {
  assert.equal(
    firstDifference({ a: new Float64Array([1, Number.NaN]), b: 'x' }, { b: 'x', a: new Float64Array([1, Number.NaN]) }),
    undefined,
  );
  assert.equal(firstDifference({ rows: new Int32Array([1, 2, 3]) }, { rows: new Int32Array([1, 5, 3]) }), 'at .rows[1]');
  assert.equal(firstDifference(new Uint8Array(2), new Uint8Array(3)), 'at the top, in its length: 2 vs 3');
  assert.equal(firstDifference({ a: 1 }, { a: 1, toString: 2 }), 'at .toString, present only in the second');
  assert.equal(firstDifference(1, 2), 'at the top');
});

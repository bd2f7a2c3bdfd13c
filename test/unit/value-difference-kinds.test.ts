import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstDifference, valuesEqual } from '../../runners/common/value-difference.js';
import type { Value } from '../../suites/suite.js';

test('a class instance equals the plain object a thread boundary turns it into; a Buffer its Uint8Array', () => {
  class Node {
    constructor(readonly type: string) {}
  }
  assert.ok(valuesEqual(new Node('Literal') as unknown as Value, structuredClone(new Node('Literal')) as unknown as Value));
  assert.ok(valuesEqual(Buffer.from([1, 2]), new Uint8Array([1, 2])));
});

test('Maps, Sets, Dates, bigints and null differ where they differ', () => {
  const map = (entries: [Value, Value][]): Value => new Map(entries);
  assert.equal(firstDifference(map([['a', 1]]), map([['a', 2]])), 'at (value #0)');
  assert.equal(firstDifference(map([['a', 1]]), map([['b', 1]])), 'at (key #0)');
  assert.equal(firstDifference({ s: new Set([1, 2]) }, { s: new Set([1, 3]) }), 'at .s(item 1)');
  assert.equal(firstDifference([new Date(0)], [new Date(1)]), 'at [0]');
  assert.equal(firstDifference({ n: 1n }, { n: 2n }), 'at .n');
  assert.equal(firstDifference({ n: null }, { n: undefined }), 'at .n');
  assert.equal(firstDifference([1, [2]], [1, { 0: 2 }]), 'at [1], in its type');
  assert.equal(firstDifference([1], [1, 2]), 'at the top, in its length: 1 vs 2');
  assert.ok(valuesEqual({ d: new Date(Number.NaN), x: [null, undefined] }, { d: new Date(Number.NaN), x: [null, undefined] }));
});

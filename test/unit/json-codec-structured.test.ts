import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromWire, toWire } from '../../runners/transports/child/json-codec.js';
import type { Value } from '../../suites/suite.js';

const throughJson = (value: Value): Value => fromWire(JSON.parse(JSON.stringify(toWire(value))));

test('the JSON codec round-trips what structured clone carries: null, undefined, arrays, Map, Set, Date, bigint', () => {
  const holes: Value[] = [1];
  holes[2] = 3;
  const value: Value = {
    none: null,
    missing: undefined,
    list: [1, 'two', [null, { deep: [true] }]],
    holes,
    counts: new Map<Value, Value>([
      ['a', 1],
      [{ key: 'object' }, new Set([2n])],
    ]),
    when: new Date(86_400_000),
    big: -(2n ** 90n),
    bytes: Buffer.from([1, 2, 3]),
  };
  const decoded = throughJson(value) as Record<string, Value>;
  // A hole arrives as undefined, and a Buffer as the Uint8Array structured clone delivers too.
  assert.deepEqual(decoded, { ...value, holes: [1, undefined, 3], bytes: new Uint8Array([1, 2, 3]) });
  assert.ok(Object.hasOwn(decoded, 'missing'), 'an own undefined stays an own key');
  assert.ok(Number.isNaN((throughJson(new Date(Number.NaN)) as Date).getTime()), 'an invalid Date stays invalid');
});

test("a record of the suite's own that looks like a tag travels as data", () => {
  const value: Value = { __bench: 'date', v: '0', nested: { __bench: 'Uint8Array', base64: 'AQ==' } };
  assert.deepEqual(throughJson(value), value);
});

test('a class instance arrives as its own enumerable data, as structured clone delivers it', () => {
  class Point {
    constructor(
      readonly x: number,
      readonly y: number,
    ) {}
    get norm(): number {
      return Math.hypot(this.x, this.y);
    }
  }
  assert.deepEqual(throughJson(new Point(3, 4) as unknown as Value), structuredClone(new Point(3, 4)));
});

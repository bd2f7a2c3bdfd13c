import assert from 'node:assert/strict';
import { test } from 'node:test';
import { valueProblem } from '../../runners/common/value-problem.js';

const problem = (value: unknown): string | undefined => valueProblem(value, 'run()', 'outputs');

test('what structured clone carries passes the contract check, class instances included', () => {
  class Node {
    constructor(readonly body: unknown[]) {}
  }
  const carried = [null, undefined, 1n, new Date(0), [1, [null]], new Map([[{ k: 1 }, new Set([1])]]), new Node([new Node([])])];
  for (const value of carried) assert.equal(problem({ at: value }), undefined, String(value));
});

test('functions, symbols, cycles and uncloneable objects fail with the path to them', () => {
  const cyclic: unknown[] = [];
  cyclic.push({ back: cyclic });
  assert.match(problem({ a: [0, () => 1] }) ?? '', /^run\(\) returned a function at \.a\[1\]: outputs must be/);
  assert.match(problem(new Map([['k', Symbol('s')]])) ?? '', /^run\(\) returned a symbol at \.get\("k"\)/);
  assert.match(problem({ list: cyclic }) ?? '', /^run\(\) returned an object with a cycle at \.list\[0\]\.back/);
  assert.match(problem({ p: Promise.resolve() }) ?? '', /^run\(\) returned an instance of Promise at \.p/);
  assert.match(problem(new Set([new WeakMap()])) ?? '', /^run\(\) returned an instance of WeakMap at \(item 0\)/);
});

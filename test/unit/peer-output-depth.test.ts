/**
 * The peer worker's depth check: a chain past the limit is caught without recursing (100,000
 * deep), typed arrays are leaves; and this thread's receivable depth is found, not assumed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deepestReceivable, nestsDeeperThan } from '../../runners/transports/peer/output-depth.js';

type Node = { [key: string]: Node | number | Uint8Array };

test('nestsDeeperThan counts levels of objects and arrays, without recursion', () => {
  let chain: Node = { leaf: 1 };
  for (let level = 1; level < 100_000; level++) chain = { next: chain };
  assert.equal(nestsDeeperThan(chain, 2_000), true);
  assert.equal(nestsDeeperThan(chain, 100_000), false);
  assert.equal(nestsDeeperThan([[[1]]], 3), false);
  assert.equal(nestsDeeperThan([[[1]]], 2), true);
  assert.equal(nestsDeeperThan({ bytes: new Uint8Array(8) }, 1), false);
  assert.equal(nestsDeeperThan(42, 0), false);
});

test('deepestReceivable is a depth this thread clones, and twice it is one it does not', () => {
  const deepest = deepestReceivable();
  if (deepest === undefined) return; // a runtime that clones without recursing: nothing to bound
  const chain = (depth: number): Node => {
    let value: Node = {};
    for (let level = 1; level < depth; level++) value = { next: value };
    return value;
  };
  assert.doesNotThrow(() => structuredClone(chain(deepest)));
  // Not deepest + 1: the stack already in use differs by a frame or two from where it was measured.
  assert.throws(() => structuredClone(chain(deepest * 2)), RangeError);
});

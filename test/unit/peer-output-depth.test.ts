/**
 * The peer worker's depth check, made on the contract check's own walk of the output
 * (valueProblem's maxDepth): a chain past the limit is caught as soon as the walk passes the
 * limit (100,000 deep: no overflow), typed arrays are leaves; and this thread's receivable
 * depth is found, not assumed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { valueProblem } from '../../runners/common/value-problem.js';
import { deepestReceivable } from '../../runners/common/output-depth.js';

type Node = { [key: string]: Node | number | Uint8Array };

const tooDeep = (value: unknown, limit: number): boolean =>
  valueProblem(value, 'run()', 'outputs', limit)?.includes('levels deep') ?? false;

test('the output check counts levels of objects, and stops once past the limit', () => {
  const chain = (depth: number): Node => {
    let value: Node = { leaf: 1 };
    for (let level = 1; level < depth; level++) value = { next: value };
    return value;
  };
  assert.equal(tooDeep(chain(100_000), 2_000), true);
  assert.match(
    valueProblem(chain(100_000), 'run()', 'outputs', 2_000) ?? '',
    /^run\(\) returned an output that nests more than 2000 levels deep/,
  );
  assert.equal(tooDeep(chain(1_000), 1_000), false);
  assert.equal(tooDeep({ a: { a: { a: 1 } } }, 3), false);
  assert.equal(tooDeep({ a: { a: { a: 1 } } }, 2), true);
  assert.equal(tooDeep({ bytes: new Uint8Array(8) }, 1), false);
  assert.equal(tooDeep(42, 0), false);
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

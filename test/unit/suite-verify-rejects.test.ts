import assert from 'node:assert/strict';
import { test } from 'node:test';
import fib from '../../suites/fib.js';
import sha256 from '../../suites/sha256.js';
import sort from '../../suites/sort.js';

test('fib verify accepts the right answer and rejects a wrong one', () => {
  const input = fib.makeInput(20, 1);
  assert.equal(fib.verify(input, fib.run(input)), true);
  assert.equal(fib.verify(input, 6766), false);
  assert.equal(fib.verify(input, 6765.5), false);
});

test('sort verify rejects unsorted output, and sorted output with different elements', () => {
  const input = sort.makeInput(1000, 7);
  const output = sort.run(input);
  assert.equal(sort.verify(input, output), true);
  const unsorted = output.slice();
  [unsorted[0], unsorted[999]] = [unsorted[999]!, unsorted[0]!];
  assert.equal(sort.verify(input, unsorted), false);
  const replaced = output.slice();
  replaced[500] = replaced[499]!; // still ordered, but one element swapped for a duplicate
  assert.equal(sort.verify(input, replaced), false);
  assert.equal(sort.verify(input, output.subarray(1)), false);
});

test('sha256 verify checks against an independent implementation', () => {
  const input = sha256.makeInput(4096, 3);
  const digest = sha256.run(input);
  assert.equal(sha256.verify(input, digest), true);
  const flipped = (digest[0] === '0' ? '1' : '0') + digest.slice(1);
  assert.equal(sha256.verify(input, flipped), false);
  // Known vector, so the reference itself is checked too.
  assert.equal(sha256.verify(new TextEncoder().encode('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'), true);
});

/** The executors' FIFO hands items out in arrival order, however pushes and shifts interleave and it grows. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Queue } from '../../runners/common/queue.js';

test('items come out first in, first out across wrap-around and growth', () => {
  const queue = new Queue<{ n: number }>();
  const expected: number[] = [];
  const seen: (number | undefined)[] = [];
  let next = 0;
  // Uneven rounds of pushes and shifts make the head wrap past the end before each doubling.
  for (let round = 0; round < 50; round++) {
    for (let i = 0; i < (round % 7) + 3; i++) {
      queue.push({ n: next });
      expected.push(next++);
    }
    for (let i = 0; i < (round % 5) + 1; i++) seen.push(queue.shift()?.n);
  }
  assert.equal(queue.length, expected.length - seen.length);
  seen.push(...queue.drain().map((item) => item.n));
  assert.deepEqual(seen, expected);
  assert.equal(queue.length, 0);
  assert.equal(queue.shift(), undefined, 'an empty queue answers undefined');
  queue.push({ n: -1 });
  assert.deepEqual(queue.drain(), [{ n: -1 }], 'a drained queue is usable again');
});

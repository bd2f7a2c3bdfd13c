/**
 * Whatever a peer library rejects a task with becomes one line: a task's own reason as it is,
 * a worker's exit in worker-pool's words, anything else prefixed with the library's name —
 * never "[object Object]", a raw JSON dump with its stack, or several lines.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { peerFailure } from '../../runners/executors/peers/peer-failure.js';

test("a peer library's rejection, whatever it is, becomes one line saying whose words it holds", () => {
  const stack = Array.from({ length: 30 }, (_, i) => `    at frame${i} (file:///node_modules/poolifier/lib/index.mjs:1:${i})`).join('\n');
  const cases: Array<[unknown, string]> = [
    [new Error('run() threw RangeError: refused'), 'run() threw RangeError: refused'],
    [new Error('worker exited with code: 7'), 'worker thread exited with code 7'],
    [{ message: 'Worker exited unexpectedly', stack }, 'poolifier failed the task: Worker exited unexpectedly'],
    [
      new Error(JSON.stringify({ name: 'Error', message: 'run() threw TypeError: x is undefined', stack })),
      'run() threw TypeError: x is undefined',
    ],
    [new TypeError('Found invalid object in transferList'), 'poolifier failed the task: TypeError: Found invalid object in transferList'],
    [{ code: 3 }, 'poolifier failed the task without saying why (it rejected with object)'],
    [null, 'poolifier failed the task without saying why (it rejected with null)'],
    [new Error(`first line\n${stack}`), 'poolifier failed the task: first line'],
  ];
  for (const [thrown, reason] of cases) assert.equal(peerFailure('poolifier', thrown).message, reason);
  assert.match(peerFailure('poolifier', new Error('x'.repeat(1000))).message, /^poolifier failed the task: x{300}…$/);
});

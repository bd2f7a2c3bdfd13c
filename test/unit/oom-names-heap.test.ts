/**
 * Whichever runtime's words say a host ran out of memory (V8's, a worker's resource limit,
 * Bun's), the reason names the --max-heap it had and the fix; any other cause is left as is.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainCause } from '../../runners/common/stderr-cause.js';

test('an out-of-memory cause names the heap limit, on every runtime', () => {
  for (const words of [
    'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
    'Fatal JavaScript out of memory: Ineffective mark-compacts near heap limit',
    'Worker terminated due to reaching memory limit: JS heap out of memory',
    'RangeError: Out of memory',
  ]) {
    assert.equal(explainCause(words, 256), `ran out of its 256 MiB heap (${words}); raise --max-heap if the suite needs more`);
  }
  assert.match(explainCause('RangeError: Out of memory', undefined) ?? '', /^ran out of its runtime's default heap \(/);
  assert.equal(explainCause('TypeError: x is not a function', 256), 'TypeError: x is not a function');
  assert.equal(explainCause(undefined, 256), undefined);
});

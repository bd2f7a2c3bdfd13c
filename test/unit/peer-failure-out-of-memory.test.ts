/**
 * A peer library's words for a worker stopped at its heap limit become the reason bench's own
 * worker-pool gives, naming the --max-heap ("ran out of its 128 MiB heap"): the fault matrix
 * found piscina and tinypool reporting only "Worker terminated due to reaching memory limit".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { peerFailure } from '../../runners/executors/peers/peer-failure.js';

test("a peer worker's out-of-memory names the heap limit in worker-pool's words", () => {
  const thrown = Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), {
    code: 'ERR_WORKER_OUT_OF_MEMORY',
  });
  assert.match(
    peerFailure('piscina', thrown, 128).message,
    /^worker thread ran out of its 128 MiB heap \(Worker terminated .*\); raise --max-heap/,
  );
  assert.match(peerFailure('tinypool', thrown).message, /^worker thread ran out of its runtime's default heap/);
});

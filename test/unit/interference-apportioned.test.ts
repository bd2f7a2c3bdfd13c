/**
 * Interference counts only the waiting other programs caused: on an idle machine a pool that
 * waits for its own threads reads 0; under load, the waiting up to the CPU time others held.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interferenceOf } from '../../runners/common/schedstat.js';

// 1,000 ms wanted: 600 on a CPU, 400 waiting.
const delta = { onCpuNs: 600e6, waitingNs: 400e6, threads: 3 };

test('waiting behind the strategy’s own threads is no interference', () => {
  assert.equal(interferenceOf(delta, 0), 0);
});

test('others holding the CPUs less than the threads waited account for their own time only', () => {
  assert.equal(interferenceOf(delta, 150), 0.15);
});

test('others holding the CPUs longer than the threads waited account for all the waiting', () => {
  assert.equal(interferenceOf(delta, 900), 0.4);
});

test('threads that wanted no CPU have no interference to tell', () => {
  assert.equal(interferenceOf({ onCpuNs: 0, waitingNs: 0, threads: 1 }, 50), null);
});

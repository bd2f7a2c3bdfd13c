/**
 * Interference counts only the waiting other programs caused: on an idle machine a pool that
 * waits for its own threads reads 0, and under load the waiting is shared out by who held the
 * CPUs meanwhile.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interferenceOf } from '../../runners/common/schedstat.js';

const delta = { onCpuNs: 900e6, waitingNs: 100e6, threads: 3 };

test('waiting behind the strategy’s own threads is no interference', () => {
  assert.equal(interferenceOf(delta, 0, 900), 0);
});

test('waiting is apportioned by the CPU time others held', () => {
  // 10 % of the wanted time waiting; others held 300 of the 1,200 CPU-ms used: a quarter of it is theirs.
  assert.equal(interferenceOf(delta, 300, 900), 0.1 * 0.25);
});

test('threads that wanted no CPU have no interference to tell', () => {
  assert.equal(interferenceOf({ onCpuNs: 0, waitingNs: 0, threads: 1 }, 50, 0), null);
});

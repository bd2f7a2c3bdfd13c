/**
 * A per-task strategy's threads end during the batch and take their schedstat with them: the
 * interference is judged on the CPU time the process times kept, not on the living threads alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interferenceOf } from '../../runners/common/schedstat.js';

// Figures of a worker-per-task round on a quiet machine: 210 ms on a CPU and 190 ms waiting among
// the threads still alive, 1,340 ms for the whole tree, 30 ms (three ticks) of other programs.
const living = { onCpuNs: 210e6, waitingNs: 190e6, threads: 4 };

test('the ended threads’ CPU time joins what the strategy wanted', () => {
  const judged = interferenceOf(living, 30, 1340)!;
  const livingOnly = interferenceOf(living, 30)!;
  assert.ok(livingOnly > 0.05, `living threads alone read ${livingOnly}`);
  assert.ok(judged < 0.02, `judged on the tree ${judged}`);
});

test('the ended threads are taken to have waited at the living threads’ rate', () => {
  // 1,340 ms on a CPU, waiting scaled by 1340/210; others held more than all of it.
  const waiting = 190 * (1340 / 210);
  const judged = interferenceOf(living, 10_000, 1340)!;
  assert.ok(Math.abs(judged - waiting / (1340 + waiting)) < 1e-12, `${judged}`);
});

test('a tree whose threads all lived reads as before', () => {
  const pool = { onCpuNs: 600e6, waitingNs: 400e6, threads: 3 };
  assert.equal(interferenceOf(pool, 150, 600), 0.15);
  assert.equal(interferenceOf(pool, 150, 590), 0.15);
});

/**
 * The schedstat reader reads every thread of a process from a procfs-shaped folder, says why
 * (null with a reason) where the files do not exist, and turns two readings into on-CPU and
 * waiting time and the interference share.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readProcessSchedstat, schedstatDelta, waitingShareOf } from '../../runners/common/schedstat.js';

function fakeProc(threads: Record<number, string>): string {
  const root = mkdtempSync(join(os.tmpdir(), 'bench-fake-proc-'));
  for (const [tid, line] of Object.entries(threads)) {
    mkdirSync(join(root, '42', 'task', tid), { recursive: true });
    writeFileSync(join(root, '42', 'task', tid, 'schedstat'), line);
  }
  return root;
}

test('reads each thread of a process and sums what happened between two readings', (t) => {
  const before = fakeProc({ 42: '1000 100 3\n', 43: '5000 0 9\n' });
  const after = fakeProc({ 42: '4000 1100 8\n', 43: '8000 2000 12\n', 44: '500 500 1\n' });
  t.after(() => {
    for (const dir of [before, after]) rmSync(dir, { recursive: true, force: true });
  });
  const first = readProcessSchedstat(42, before);
  const second = readProcessSchedstat(42, after);
  assert.ok(first.threads && second.threads);
  assert.deepEqual(first.threads.get(43), { onCpuNs: 5000, waitingNs: 0, slices: 9 });
  const delta = schedstatDelta(first.threads, second.threads);
  // 3000 + 3000 + 500 on a CPU; 1000 + 2000 + 500 waiting (thread 44 was born in between).
  assert.deepEqual(delta, { onCpuNs: 6500, waitingNs: 3500, threads: 3 });
  assert.equal(waitingShareOf(delta), 3500 / 10_000);
});

test('a process without /proc entries reads as null with the reason', () => {
  const missing = readProcessSchedstat(42, join(os.tmpdir(), 'bench-no-such-proc-root'));
  assert.equal(missing.threads, null);
  assert.match(missing.threads === null ? missing.reason : '', /cannot be read \(ENOENT\): per-thread CPU accounting needs Linux's \/proc/);
});

test('a line that is not three counters reads as null with the reason', (t) => {
  const root = fakeProc({ 42: 'not schedstat' });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const reading = readProcessSchedstat(42, root);
  assert.equal(reading.threads, null);
});

test('this process reads itself on Linux', { skip: process.platform !== 'linux' && 'Linux only' }, () => {
  const reading = readProcessSchedstat(process.pid);
  assert.ok(reading.threads, reading.threads === null ? reading.reason : '');
  assert.ok([...reading.threads.values()].some((thread) => thread.onCpuNs > 0));
});

/**
 * The cell's CPU accounting around a batch: what the threads used, per task, and how much
 * others took, every figure within its range; off Linux the per-thread figures are null with
 * the reason.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startCpuAccount } from '../../runners/cell/cpu-account.js';

function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

test('a busy batch is accounted per task, its interference a share', () => {
  const account = startCpuAccount();
  spin(40);
  const cpu = account.stop(4);
  assert.ok(cpu.onCpuMs !== null && cpu.onCpuMs > 0, `on-CPU ${cpu.onCpuMs}`);
  assert.equal(cpu.cpuMsPerTask, Math.round((cpu.onCpuMs / 4) * 1e4) / 1e4);
  if (process.platform === 'linux') {
    assert.equal(cpu.reason, undefined);
    assert.ok(cpu.threads !== null && cpu.threads >= 1);
    assert.ok(cpu.interference !== null && cpu.interference >= 0 && cpu.interference <= 1);
    assert.ok(cpu.foreignCpuMs !== null && cpu.foreignCpuMs >= 0);
  } else {
    assert.equal(cpu.interference, null);
    assert.match(cpu.reason ?? '', /needs Linux/);
  }
});

test('a batch of no tasks has no cost per task', () => {
  assert.equal(startCpuAccount().stop(0).cpuMsPerTask, null);
});

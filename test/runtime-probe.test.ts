import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probeRuntime } from '../runners/runtimes/probe.js';
import { locateRuntime, type RuntimeInstall, RuntimeNotFoundError } from '../runners/runtimes/locate.js';
import type { RuntimeName } from '../runners/contract/results.js';

/** What the probe must find on the versions package.json pins (bun 1.4.5, deno 2.9.6) and Node ≥ 20. */
const EXPECTED: Record<'node' | 'bun' | 'deno', { threadApi: string; missing: string[]; eventLoopFloorMs?: number }> = {
  // Node: monitorEventLoopDelay records whole timer intervals, so an idle loop reads the 1 ms resolution.
  node: { threadApi: 'worker_threads', missing: ['webWorker'], eventLoopFloorMs: 1 },
  // Bun: its global Worker starts faster; resourceLimits is accepted but ignored; the histogram records only lateness.
  bun: { threadApi: 'web', missing: ['resourceLimits'], eventLoopFloorMs: 0 },
  // Deno: monitorEventLoopDelay exists but records nothing, so cells use the timer-drift probe.
  deno: { threadApi: 'worker_threads', missing: ['webWorker', 'eventLoopHistogram'] },
};

for (const runtime of ['node', 'bun', 'deno'] as const) {
  test(`the capability probe's answers on ${runtime}`, async (t) => {
    let install: RuntimeInstall;
    try {
      install = locateRuntime(runtime as RuntimeName, {});
    } catch (error) {
      if (error instanceof RuntimeNotFoundError) return t.skip(`${runtime} is not installed`);
      throw error;
    }
    const probe = await probeRuntime(install);
    const missing = Object.entries(probe.capabilities)
      .filter(([, ok]) => !ok)
      .map(([name]) => name)
      .sort();
    assert.deepEqual(missing, [...EXPECTED[runtime].missing].sort(), JSON.stringify(probe.failures));
    assert.equal(probe.threadApi, EXPECTED[runtime].threadApi);
    assert.equal(probe.eventLoopFloorMs, EXPECTED[runtime].eventLoopFloorMs);
    assert.ok(probe.workerStartMs.worker_threads! > 0);
    assert.ok(probe.forkStartMs! > 0);
    assert.match(probe.version, /^\d+\.\d+\.\d+/);
  });
}

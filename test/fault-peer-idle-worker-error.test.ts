/**
 * A peer pool's worker that dies of an error while it holds no task makes the library emit
 * 'error' (piscina; poolifier on its emitter), which, unheard, Node throws: the cell ended
 * with the library's words. The executor hears it; the pool replaces the worker and keeps
 * serving, as worker-pool does. Only pools whose idle workers run their event loop: piscina's
 * and tinypool's default workers wait in Atomics.wait, where the fixture's timer never fires.
 * Time-limited: a hang fails the test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { findStrategy } from '../runners/strategies/index.js';
import { plainChannelOptions } from '../runners/transports/channel.js';
import { loadSuite } from '../suites/registry.js';
import { fixture } from './helpers/cli.js';
import { waitUntil } from './helpers/wait.js';

/**
 * Our news says the replacement loaded the suite; poolifier counts it ready only after its own
 * handshake, which may come a moment later, and refuses a task sent meanwhile ("Worker node key
 * chosen by LEAST_USED is null"). That is the library's behaviour, not the pool ending: retry
 * until the handshake is done, within a limit, so a pool that never serves again still fails.
 */
async function servedOnceReady(task: () => Promise<unknown>): Promise<unknown> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      return await task();
    } catch (error) {
      if (Date.now() > deadline || !/is null or undefined/.test(String(error))) throw error;
      await sleep(25);
    }
  }
}

for (const name of ['piscina-atomics-off', 'poolifier']) {
  test(`${name}: a worker dying idle ends neither the cell nor the pool`, { timeout: 20_000 }, async () => {
    const suiteUrl = pathToFileURL(fixture('faults/peer-odd-outputs.js')).href;
    const suite = await loadSuite(suiteUrl);
    const executor = findStrategy(name)!.create({ suite, workers: 1, channel: plainChannelOptions(suiteUrl) });
    try {
      await executor.start();
      assert.equal(await executor.run(-5), -10);
      // The replacement announces itself once it has loaded the suite: the old worker is gone by then.
      await waitUntil(() => executor.startupSamplesMs.length === 2, 'a replacement worker', { timeoutMs: 10_000 });
      assert.equal(await servedOnceReady(() => executor.run(3)), 6);
    } finally {
      await executor.close();
    }
  });
}

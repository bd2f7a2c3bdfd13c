import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { plainChannelOptions } from '../runners/transports/channel.js';
import { loadSuite } from '../suites/registry.js';
import { findStrategy } from '../runners/strategies/index.js';
import { fixture } from './helpers/cli.js';

const POOLS = ['worker-pool', 'shared-memory', 'process-pool'];

for (const name of POOLS) {
  test(`${name} rejects a throwing task and a dying worker, then keeps serving`, async () => {
    const suiteUrl = pathToFileURL(fixture('crashy-suite.js')).href;
    const suite = await loadSuite(suiteUrl);
    const executor = findStrategy(name)!.create({ suite, workers: 2, channel: plainChannelOptions(suiteUrl) });
    try {
      await executor.start();
      const startedBefore = executor.startupSamplesMs.length;
      await assert.rejects(executor.run(-1), /asked to throw/);
      await assert.rejects(executor.run(-2), /exited with code 7/);
      // Tasks queued behind and after the crash still complete, on the replacement.
      const outputs = await Promise.all([1, 2, 3, 4, 5].map((n) => executor.run(n)));
      assert.deepEqual(outputs, [2, 4, 6, 8, 10]);
      for (let i = 0; i < 100 && executor.startupSamplesMs.length === startedBefore; i++) await sleep(20);
      assert.equal(executor.startupSamplesMs.length, startedBefore + 1, 'exactly one replacement started');
      assert.deepEqual(await Promise.all([6, 7].map((n) => executor.run(n))), [12, 14]);
    } finally {
      await executor.close();
    }
  });
}

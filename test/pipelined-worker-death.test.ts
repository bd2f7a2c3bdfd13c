/**
 * A worker that dies holding several tasks fails those tasks (never leaves one pending), is
 * replaced, and every other task still gets its own answer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { plainChannelOptions } from '../runners/transports/channel.js';
import { loadSuite } from '../suites/registry.js';
import { findStrategy } from '../runners/strategies/index.js';
import { fixture } from './helpers/cli.js';

for (const name of ['shared-memory', 'worker-pool']) {
  test(`${name} with 4 in flight per worker: a dying worker fails only the tasks it held`, { timeout: 30_000 }, async () => {
    const suiteUrl = pathToFileURL(fixture('task-id-suite.js')).href;
    const suite = await loadSuite(suiteUrl);
    const executor = findStrategy(name)!.create({ suite, workers: 2, channel: plainChannelOptions(suiteUrl), inFlightPerWorker: 4 });
    try {
      await executor.start();
      const ids = [...Array.from({ length: 20 }, (_, i) => i + 1), -2, ...Array.from({ length: 40 }, (_, i) => i + 100)];
      const settled = await Promise.allSettled(ids.map((id) => executor.run(id)));
      const failed = settled.filter((outcome) => outcome.status === 'rejected');
      assert.ok(failed.length >= 1 && failed.length <= 4, `${failed.length} tasks failed; the dying worker held at most 4`);
      for (const [i, outcome] of settled.entries()) {
        if (outcome.status === 'rejected') assert.match(String(outcome.reason), /exited with code 7/);
        else assert.equal(outcome.value, ids[i], `task ${ids[i]} got another task's answer`);
      }
      assert.equal(settled[ids.indexOf(-2)]!.status, 'rejected', 'the task that killed its worker failed');
      // The replacement serves.
      assert.deepEqual(await Promise.all([7, 8, 9].map((id) => executor.run(id))), [7, 8, 9]);
    } finally {
      await executor.close();
    }
  });
}

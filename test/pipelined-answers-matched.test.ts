/**
 * A pipelined channel holds several tasks per worker; each answer must reach the task it
 * belongs to, whatever the order the tasks finish in across workers.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { plainChannelOptions } from '../runners/transports/channel.js';
import { loadSuite } from '../suites/registry.js';
import { findStrategy } from '../runners/strategies/index.js';
import { fixture } from './helpers/cli.js';

for (const name of ['shared-memory', 'worker-pool']) {
  test(`${name} with 4 tasks in flight per worker answers each of 2,000 uneven tasks with its own id`, async () => {
    const suiteUrl = pathToFileURL(fixture('task-id-suite.js')).href;
    const suite = await loadSuite(suiteUrl);
    const executor = findStrategy(name)!.create({ suite, workers: 2, channel: plainChannelOptions(suiteUrl), inFlightPerWorker: 4 });
    try {
      await executor.start();
      // Bursts of 50 fill every ring and the pool's queue behind it; each burst's tasks run unevenly.
      for (let burst = 0; burst < 40; burst++) {
        const ids = Array.from({ length: 50 }, (_, i) => burst * 50 + i);
        assert.deepEqual(await Promise.all(ids.map((id) => executor.run(id))), ids, `burst ${burst}`);
      }
    } finally {
      await executor.close();
    }
  });
}

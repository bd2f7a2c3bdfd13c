/**
 * An output nested deeper than the cell's main thread can receive fails its task at once on
 * every strategy, with one reason naming the depth, and the strategy keeps serving. Before,
 * at 5,000 levels: main-thread's own output check overflowed the cell's stack, worker-pool,
 * worker-per-task and the three peer pools left the task pending until the cell timed out
 * (the reply was dropped on arrival), and the process strategies' children died of the
 * overflow. Time-limited: a hang fails the test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { RUN_STRATEGY_NAMES } from '../runners/contract/strategies.js';
import { findStrategy } from '../runners/strategies/index.js';
import { plainChannelOptions } from '../runners/transports/channel.js';
import { loadSuite } from '../suites/registry.js';
import { fixture } from './helpers/cli.js';

for (const name of RUN_STRATEGY_NAMES) {
  test(`${name}: a 5,000-deep output fails its task naming the depth, then the strategy keeps serving`, { timeout: 20_000 }, async () => {
    const suiteUrl = pathToFileURL(fixture('faults/deep-output.js')).href;
    const suite = await loadSuite(suiteUrl);
    const executor = findStrategy(name)!.create({ suite, workers: 1, channel: plainChannelOptions(suiteUrl) });
    try {
      await executor.start();
      await assert.rejects(executor.run(5_000), /^Error: run\(\) returned an output that nests more than \d+ levels deep/);
      const shallow = await executor.run(100);
      assert.equal(suite.verify(100, shallow), true);
    } finally {
      await executor.close();
    }
  });
}

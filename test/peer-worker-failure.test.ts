/**
 * A peer pool's worker that throws fails its task, and one that exits fails its task too —
 * by the library's own rejection (piscina) or, where the library leaves it pending (tinypool,
 * poolifier), by the executor's report that it did — and the pool keeps serving. Time-limited:
 * a hang fails the test instead of stalling the suite.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ALL_STRATEGY_NAMES, peerPackageOf } from '../runners/contract/strategies.js';
import { plainChannelOptions } from '../runners/transports/channel.js';
import { findStrategy } from '../runners/strategies/index.js';
import { loadSuite } from '../suites/registry.js';
import { fixture } from './helpers/cli.js';

const PEERS = ALL_STRATEGY_NAMES.filter((name) => peerPackageOf(name) !== undefined);

for (const name of PEERS) {
  test(`${name}: a throwing task and an exiting worker fail their tasks, then the pool keeps serving`, { timeout: 30_000 }, async () => {
    const suiteUrl = pathToFileURL(fixture('crashy-suite.js')).href;
    const suite = await loadSuite(suiteUrl);
    const executor = findStrategy(name)!.create({ suite, workers: 2, channel: plainChannelOptions(suiteUrl) });
    try {
      await executor.start();
      assert.equal(executor.startupSamplesMs.length, 2, 'both workers timed at start');
      await assert.rejects(executor.run(-1), /asked to throw/);
      await assert.rejects(executor.run(-2), /exited with code:? 7/);
      assert.deepEqual(await Promise.all([1, 2, 3, 4, 5].map((n) => executor.run(n))), [2, 4, 6, 8, 10]);
    } finally {
      await executor.close();
    }
  });
}

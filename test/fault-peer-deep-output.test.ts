/**
 * An output nested 10,000 deep, which the cell's main thread cannot receive, fails its task in
 * a peer pool at once, saying so — all three libraries used to leave it pending until the cell
 * timed out — and the pool keeps serving. Time-limited: a hang fails the test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ALL_STRATEGY_NAMES, peerPackageOf } from '../runners/contract/strategies.js';
import { findStrategy } from '../runners/strategies/index.js';
import { plainChannelOptions } from '../runners/transports/channel.js';
import { loadSuite } from '../suites/registry.js';
import { fixture } from './helpers/cli.js';

const PEERS = ALL_STRATEGY_NAMES.filter((name) => peerPackageOf(name) !== undefined);

for (const name of PEERS) {
  test(`${name}: a 10,000-deep output fails its task naming the depth, then the pool keeps serving`, { timeout: 20_000 }, async () => {
    const suiteUrl = pathToFileURL(fixture('faults/peer-odd-outputs.js')).href;
    const suite = await loadSuite(suiteUrl);
    const executor = findStrategy(name)!.create({ suite, workers: 1, channel: plainChannelOptions(suiteUrl) });
    try {
      await executor.start();
      await assert.rejects(executor.run(-3), /^Error: the output cannot be sent to the main thread: it nests more than \d+ levels deep/);
      assert.equal(await executor.run(3), 6);
    } finally {
      await executor.close();
    }
  });
}

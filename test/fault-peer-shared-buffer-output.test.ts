/**
 * A typed array on a SharedArrayBuffer is a carriable output: a peer pool returns it shared,
 * as worker-pool does, instead of listing its buffer for transfer (piscina crashed the cell,
 * tinypool failed the task with "Found invalid object in transferList").
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
  test(`${name}: a Uint8Array on a SharedArrayBuffer comes back and verifies`, { timeout: 20_000 }, async () => {
    const suiteUrl = pathToFileURL(fixture('faults/peer-odd-outputs.js')).href;
    const suite = await loadSuite(suiteUrl);
    const executor = findStrategy(name)!.create({ suite, workers: 1, channel: plainChannelOptions(suiteUrl) });
    try {
      await executor.start();
      const output = await executor.run(-4);
      assert.ok(output instanceof Uint8Array && output.buffer instanceof SharedArrayBuffer, `${name}: a shared Uint8Array`);
      assert.equal(suite.verify(-4, output), true);
    } finally {
      await executor.close();
    }
  });
}

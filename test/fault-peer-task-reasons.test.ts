/**
 * A peer pool's task that throws a plain object or returns what no transport carries fails
 * with the reason bench's own hosts give (runTask's), not the library's words — piscina used
 * to crash the cell ("Unexpected message from Worker"), poolifier said "[object Object]" —
 * and the pool keeps serving. Time-limited: a hang fails the test instead of stalling the suite.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { runTask } from '../runners/common/run-task.js';
import { ALL_STRATEGY_NAMES, peerPackageOf } from '../runners/contract/strategies.js';
import { findStrategy } from '../runners/strategies/index.js';
import { plainChannelOptions } from '../runners/transports/channel.js';
import { loadSuite } from '../suites/registry.js';
import { fixture } from './helpers/cli.js';

const PEERS = ALL_STRATEGY_NAMES.filter((name) => peerPackageOf(name) !== undefined);

for (const name of PEERS) {
  test(`${name}: a thrown plain object and a function output fail their tasks with bench's own reasons`, { timeout: 30_000 }, async () => {
    const suiteUrl = pathToFileURL(fixture('faults/peer-odd-outputs.js')).href;
    const suite = await loadSuite(suiteUrl);
    const executor = findStrategy(name)!.create({ suite, workers: 1, channel: plainChannelOptions(suiteUrl) });
    try {
      await executor.start();
      for (const input of [-1, -2]) {
        const expected = runTask(suite, input);
        assert.equal(expected.ok, false);
        await assert.rejects(executor.run(input), (error: Error) => {
          assert.equal(error.message, expected.ok ? '' : expected.message);
          return true;
        });
      }
      assert.equal(await executor.run(3), 6);
    } finally {
      await executor.close();
    }
  });
}

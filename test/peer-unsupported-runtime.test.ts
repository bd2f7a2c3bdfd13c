/**
 * A peer pool whose library failed the probe on the run's only runtime is bad input (one
 * line naming the library's error, exit 2); among several runtimes it only skips that
 * runtime's cells, with the library's error as the reason.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CAPABILITY_NAMES, type RuntimeProbe, unsupportedReason } from '../runners/contract/capabilities.js';
import type { RuntimeTarget } from '../runners/orchestrate/run.js';
import { locateRuntime } from '../runners/runtimes/locate.js';
import { checkPeersRun } from '../scripts/cli/options/run-options.js';

const probe: RuntimeProbe = {
  runtime: 'deno',
  version: '2.9.6',
  path: '/usr/bin/deno',
  capabilities: Object.fromEntries(CAPABILITY_NAMES.map((name) => [name, true])) as RuntimeProbe['capabilities'],
  failures: {},
  workerStartMs: {},
  threadApi: 'worker_threads',
  peers: { piscina: { ok: true }, tinypool: { ok: false, error: 'its pool started, but a task got no answer within 5 s' } },
};
const install = locateRuntime('node', {});
const target = (name: 'node' | 'deno'): RuntimeTarget => ({ name, install, probe });

test('a peer that cannot run on the only runtime is a usage error naming the library and its error', () => {
  assert.throws(
    () => checkPeersRun(['worker-pool', 'tinypool'], [target('deno')]),
    (error: Error & { exitCode?: number }) => {
      assert.equal(error.exitCode, 2);
      assert.match(
        error.message,
        /^--strategies tinypool: tinypool does not run on deno 2\.9\.6: its pool started, but a task got no answer/,
      );
      assert.doesNotMatch(error.message, /\n/);
      return true;
    },
  );
  assert.doesNotThrow(() => checkPeersRun(['piscina', 'worker-pool'], [target('deno')]));
});

test("among several runtimes the same peer is left to skip, with the library's error as the reason", () => {
  assert.doesNotThrow(() => checkPeersRun(['tinypool'], [target('node'), target('deno')]));
  assert.match(unsupportedReason(probe, 'tinypool') ?? '', /tinypool does not run on deno 2\.9\.6: its pool started/);
  assert.equal(unsupportedReason(probe, 'piscina'), undefined);
});

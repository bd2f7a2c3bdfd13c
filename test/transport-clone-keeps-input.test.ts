/**
 * What each transport does to the buffers it carries, seen from the cell: `transfer`
 * detaches the input (it was moved, so the cell hands over a copy), `clone` leaves it
 * intact, and `advanced` IPC brings a Float64Array back as a Float64Array.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUILTIN_SUITES } from '../suites/registry.js';
import { plainChannelOptions, type Channel } from '../runners/transports/channel.js';
import { spawnWorkerChannel } from '../runners/transports/worker/worker-channel.js';
import { spawnChildChannel } from '../runners/transports/child/child-channel.js';

async function echo(channel: Channel, input: Float64Array): Promise<Float64Array> {
  try {
    await channel.ready;
    return (await channel.run(input)) as Float64Array;
  } finally {
    await channel.close();
  }
}

test('transfer detaches the input, clone keeps it, and both bring the echo back', async () => {
  const options = plainChannelOptions(BUILTIN_SUITES.echo);
  const moved = new Float64Array([1, 2, 3]);
  const back = await echo(spawnWorkerChannel({ ...options, transport: 'transfer' }), moved);
  assert.equal(moved.byteLength, 0, 'transferred: the cell no longer holds it');
  assert.deepEqual([...back], [2, 3, 4]);

  const kept = new Float64Array([1, 2, 3]);
  const cloned = await echo(spawnWorkerChannel({ ...options, transport: 'clone' }), kept);
  assert.deepEqual([...kept], [1, 2, 3], 'cloned: the input is still whole');
  assert.deepEqual([...cloned], [2, 3, 4]);
});

test('advanced IPC carries a typed array as itself, json as its encoding, both verified', async () => {
  const options = plainChannelOptions(BUILTIN_SUITES.echo);
  for (const transport of ['advanced', 'json']) {
    const back = await echo(spawnChildChannel({ ...options, transport }), new Float64Array([0.5, Number.MAX_VALUE]));
    assert.ok(back instanceof Float64Array, `${transport}: a Float64Array comes back`);
    assert.deepEqual([...back], [1.5, Number.MAX_VALUE + 1]);
  }
});

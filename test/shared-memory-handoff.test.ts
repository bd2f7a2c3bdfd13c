import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { plainChannelOptions } from '../runners/transports/channel.js';
import { loadSuite } from '../suites/registry.js';
import { sharedMemory } from '../runners/strategies/shared-memory.js';
import { fixture } from './helpers/cli.js';

test('shared-memory returns the right payload for every one of 1,600 back-to-back tiny tasks', async () => {
  // Tiny tasks make the worker's late notify for task k race the cell's wait for task k+1.
  const suiteUrl = pathToFileURL(fixture('tiny-suite.js')).href;
  const suite = await loadSuite(suiteUrl);
  const executor = sharedMemory.create({ suite, workers: 2, channel: plainChannelOptions(suiteUrl) });
  try {
    await executor.start();
    for (let batch = 0; batch < 200; batch++) {
      const inputs = Array.from({ length: 8 }, (_, i) => 100 + ((batch * 8 + i) % 50));
      const outputs = await Promise.all(inputs.map((n) => executor.run(n)));
      for (const [i, output] of outputs.entries())
        assert.ok(suite.verify(inputs[i]!, output), `batch ${batch} task ${i}: ${String(output)}`);
    }
  } finally {
    await executor.close();
  }
});

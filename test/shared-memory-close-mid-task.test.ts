/**
 * Closing a shared-memory executor while a task runs rejects that task: the shared buffer
 * still holds its input, which must never come back as its output.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { plainChannelOptions } from '../runners/transports/channel.js';
import { sharedMemory } from '../runners/strategies/shared-memory.js';
import { loadSuite } from '../suites/registry.js';

test('a task in flight when shared-memory closes is rejected, not answered with its input', async () => {
  const suiteUrl = pathToFileURL(new URL('../suites/fib.js', import.meta.url).pathname).href;
  const suite = await loadSuite(suiteUrl);
  const executor = sharedMemory.create({ suite, workers: 1, channel: plainChannelOptions(suiteUrl) });
  await executor.start();
  // fib(34) runs for a while: the close lands mid-task.
  const outcome = executor.run(34).then(
    (output) => ({ output }),
    (error: Error) => ({ error }),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  await executor.close();
  const settled = await outcome;
  assert.ok('error' in settled, `resolved with ${'output' in settled ? String(settled.output) : '?'} instead of rejecting`);
});

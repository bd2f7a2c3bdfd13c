import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainChannelOptions } from '../runners/transports/channel.js';
import { BUILTIN_SUITES, BUILTIN_SUITE_NAMES, loadSuite } from '../suites/registry.js';
import { STRATEGIES } from '../runners/strategies/index.js';
import { copyValue } from '../runners/common/typed-arrays.js';

/** Small sizes: this checks correctness through every transport, not speed. */
const SMALL: Record<string, number> = { fib: 18, sort: 5_000, sha256: 100_000, echo: 1_024 };

for (const suiteName of BUILTIN_SUITE_NAMES) {
  for (const strategy of STRATEGIES) {
    test(`${strategy.name} returns verified outputs for ${suiteName}`, async () => {
      const suiteUrl = BUILTIN_SUITES[suiteName];
      const suite = await loadSuite(suiteUrl);
      const executor = strategy.create({ suite, workers: 2, channel: plainChannelOptions(suiteUrl) });
      try {
        await executor.start();
        const inputs = [1, 2, 3, 4].map((seed) => suite.makeInput(SMALL[suiteName]!, seed));
        const outputs = await Promise.all(inputs.map((input) => executor.run(executor.transfersInput ? copyValue(input) : input)));
        for (const [i, output] of outputs.entries()) assert.equal(suite.verify(inputs[i]!, output), true, `output ${i} failed verify`);
      } finally {
        await executor.close();
      }
    });
  }
}

/**
 * Fault matrix: outputs no transport can carry (a function, a symbol, a cycle) — one check
 * names the problem the same way under every strategy, in-process ones included.
 */
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

const CONTRACT =
  'outputs must be what structured clone carries without a cycle: primitives, typed arrays, Dates, and arrays, Maps, Sets and objects of those';

for (const [kind, what] of [
  ['function', 'a function'],
  ['symbol', 'a symbol'],
  ['cycle', 'an object with a cycle at \\.self'],
] as const) {
  test(`run() returning ${kind === 'cycle' ? 'a cycle' : `a ${kind}`} errors every strategy's cell naming it and the contract`, {
    skip: process.platform !== 'linux',
  }, async () => {
    const result = await runFault('faults/uncarriable-output.js', { withHealthy: kind === 'function', env: { BENCH_FAULT_OUTPUT: kind } });
    assertContained(result, () => new RegExp(`^run\\(\\) returned ${what}: ${CONTRACT}$`), kind === 'function' ? 0 : 4);
  });
}

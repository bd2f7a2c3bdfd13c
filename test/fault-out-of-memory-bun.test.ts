/**
 * Fault matrix on Bun: unbounded allocation. Bun has no heap limit of its own, so the CLI's
 * memory watchdog ends the cell once its process tree passes the --max-heap budget, and says
 * so; the run goes on and nothing is left running.
 */
import { test } from 'node:test';
import { assertContainedOn, runFaultOn, runtimeMissing } from './helpers/fault-matrix.js';

const STRATEGIES = ['worker-pool', 'process-pool'];

test('on Bun, an allocation without bound errors the cell with "ran out of its 256 MiB heap", ended by the watchdog', {
  skip: process.platform !== 'linux' ? 'the watchdog reads /proc (Linux)' : runtimeMissing('bun'),
}, async () => {
  const result = await runFaultOn('faults/oom.js', STRATEGIES, { extraArgs: ['--runtime', 'bun', '--max-heap', '256'] });
  assertContainedOn(
    result,
    STRATEGIES,
    () => /^cell process was ended by bench: ran out of its 256 MiB heap \(peak RSS \d+ MiB across \d+ process(es)?, over the budget /,
  );
});

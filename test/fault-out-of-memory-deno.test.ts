/**
 * Fault matrix on Deno: unbounded allocation. --max-heap reaches Deno's cell (and through it
 * each worker) and its forked children as --v8-flags=--max-old-space-size, so V8 ends the
 * host that allocates, at once, and the reason names the heap; the run goes on and nothing
 * is left running.
 */
import { test } from 'node:test';
import { assertContainedOn, runFaultOn, runtimeMissing } from './helpers/fault-matrix.js';

const STRATEGIES = ['worker-pool', 'process-pool'];

test('on Deno, an allocation without bound errors the cell with "ran out of its 256 MiB heap", whichever host ran it', {
  skip: process.platform !== 'linux' ? 'the fault matrix reads /proc (Linux)' : runtimeMissing('deno'),
}, async () => {
  const result = await runFaultOn('faults/oom.js', STRATEGIES, { extraArgs: ['--runtime', 'deno', '--max-heap', '256'] });
  assertContainedOn(result, STRATEGIES, (strategy) =>
    strategy === 'process-pool'
      ? /^child process exited with signal SIG[A-Z]+: ran out of its 256 MiB heap \(Fatal JavaScript out of memory: /
      : /^cell process was killed by SIG[A-Z]+ without a result: ran out of its 256 MiB heap \(Fatal JavaScript out of memory: /,
  );
});

/**
 * Fault matrix: unbounded allocation. --max-heap bounds the cell and each worker and child,
 * so the host that allocates dies of it and is named with V8's cause; the CLI never does.
 */
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

test('an allocation without bound errors the cell with "ran out of its 48 MiB heap", whichever host ran it', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFault('faults/oom.js', { extraArgs: ['--max-heap', '48'] });
  assertContained(result, (strategy) =>
    strategy === 'main-thread'
      ? /^cell process was killed by SIGABRT without a result: ran out of its 48 MiB heap \(FATAL ERROR: .*heap out of memory\)/
      : strategy.startsWith('process')
        ? /^child process exited with signal SIGABRT: ran out of its 48 MiB heap \(FATAL ERROR: .*heap out of memory\)/
        : /^worker thread ran out of its 48 MiB heap \(Worker terminated due to reaching memory limit: JS heap out of memory\)/,
  );
});

/** Fault matrix: run() calls process.exit(7) — the host that exits is named with the code. */
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

test('process.exit(7) in run() errors the cell naming what exited (cell, worker thread or child) and the code', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFault('faults/exit.js');
  assertContained(result, (strategy) =>
    strategy === 'main-thread'
      ? /^cell process exited with code 7/
      : strategy.startsWith('process')
        ? /^child process exited with code 7/
        : /^worker thread exited with code 7/,
  );
});

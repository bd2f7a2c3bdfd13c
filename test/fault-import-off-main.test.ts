/**
 * Fault matrix: a module that throws at import only in a worker or a child — the cell says
 * where the import failed and why (a child's last stderr line), not just an exit code.
 */
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

test('a suite that fails to import in a worker or child errors the cell with where and why', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFault('faults/import-throws-off-main.js');
  assertContained(result, (strategy) =>
    strategy === 'main-thread'
      ? 'completed'
      : strategy.startsWith('process')
        ? /^child process exited with code 1: Error: the suite failed to import in a child process: Error: fault-import: this module cannot load here/
        : /^the suite failed to import in a worker thread: Error: fault-import: this module cannot load here/,
  );
});

/**
 * Fault matrix: process.kill(process.ppid) from the suite. Whatever hosts it, the signal hits
 * a process of the cell's (its supervisor, or the cell itself), never the CLI: the cell
 * errors with a hint, the run goes on and exits 0.
 */
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

test('a suite that signals its parent stops only its own cell, with a hint; the CLI runs on', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFault('faults/kill-parent.js');
  assertContained(result, (strategy) =>
    strategy.startsWith('process')
      ? /^cell process was killed by SIGTERM without a result \(a signal the harness never sends: does the suite signal its parent, process\.ppid\?\)/
      : /^cell process was stopped without a result \(its parent process received SIGTERM, which the harness never sends: does the suite signal process\.ppid\?\)/,
  );
});

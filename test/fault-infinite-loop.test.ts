/** Fault matrix: run() never returns — each cell is killed at --cell-timeout, the run goes on. */
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

test('an infinite loop in run() times each cell out at --cell-timeout and leaves nothing running', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFault('hang-suite.js', { cellTimeoutS: 1.5, withHealthy: false });
  // Alone (a healthy process-per-task cell needs more than 1.5 s here): nothing measured, exit 4.
  assertContained(result, () => /^timed out after 1\.5s \(raise --cell-timeout/, 4);
});

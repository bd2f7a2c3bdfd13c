/** Fault matrix: run() throws — every strategy errors its cell with the throw, labelled run(). */
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

test('run() throwing errors each strategy\'s cell with "run() threw" and the error; the rest of the run completes', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFault('faults/run-throws.js');
  assertContained(result, () => /^run\(\) threw RangeError: fault-run-throws: run refused its input/);
});

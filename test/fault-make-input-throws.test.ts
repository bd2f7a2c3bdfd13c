/** Fault matrix: makeInput() throws — the cell errors naming makeInput and its arguments. */
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

test('makeInput() throwing errors each cell with "makeInput(size, seed) threw" and the error', {
  skip: process.platform !== 'linux',
}, async () => {
  const result = await runFault('faults/make-input-throws.js');
  assertContained(result, () => /^makeInput\(1, 1\) threw Error: fault-make-input-throws: no input today$/);
});

/** Fault matrix: verify() throws — the cell errors naming verify, not as a wrong answer. */
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

test('verify() throwing errors each cell with "verify() threw" and the error', { skip: process.platform !== 'linux' }, async () => {
  const result = await runFault('faults/verify-throws.js');
  assertContained(result, () => /^verify\(\) threw TypeError: fault-verify-throws: cannot judge$/);
});

/** Fault matrix: a wrong answer — verify() rejects it under every strategy. */
import { test } from 'node:test';
import { assertContained, runFault } from './helpers/fault-matrix.js';

test("a wrong answer errors every strategy's cell with what verify() rejected", { skip: process.platform !== 'linux' }, async () => {
  const result = await runFault('wrong-suite.js');
  assertContained(result, () => /^wrong output from wrong: verify\(\) rejected 6/);
});

/** The output verifier takes exactly true or false from verify(): anything else is named and refused. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Suite } from '../../suites/suite.js';
import { OutputVerifier } from '../../runners/cell/output-verifier.js';

const suiteVerifying = (verdict: unknown): Suite => ({
  name: 'judge',
  description: 'verify returns a set verdict',
  defaultSize: 1,
  sizes: [1],
  makeInput: (size) => size,
  run: (n) => n,
  // A user's suite is plain JavaScript: its verify may return anything.
  verify: () => verdict as boolean,
});

test('verify() must return true or false', () => {
  const check = (verdict: unknown): void => new OutputVerifier(suiteVerifying(verdict), [1]).check(0, 1);
  assert.doesNotThrow(() => check(true));
  assert.throws(() => check(false), /verify\(\) rejected 1/);
  assert.throws(() => check('yes'), /^VerificationError: verify\(\) returned 'yes' \(a string\): it must return true or false$/);
  assert.throws(() => check(1), /verify\(\) returned 1 \(a number\): it must return true or false/);
  assert.throws(() => check(undefined), /verify\(\) returned undefined: it must return true or false/);
  assert.throws(() => check(Promise.resolve(true)), /verify\(\) returned an instance of Promise: it must return true or false/);
});

/** What was thrown becomes the same text wherever it is reported, whatever was thrown. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorMessage, toError } from '../../runners/common/error-message.js';

test('an Error gives its message, or name and message, or the first line of either', () => {
  const error = new RangeError('size out of range\n    at the stack');
  assert.equal(errorMessage(error), 'size out of range\n    at the stack');
  assert.equal(errorMessage(error, { withName: true }), 'RangeError: size out of range\n    at the stack');
  assert.equal(errorMessage(error, { firstLine: true }), 'size out of range');
  assert.equal(errorMessage(error, { withName: true, firstLine: true }), 'RangeError: size out of range');
});

test('a thrown non-Error is shown as String() shows it, and toError wraps it', () => {
  assert.equal(errorMessage('plain text'), 'plain text');
  assert.equal(errorMessage(42, { withName: true }), '42');
  assert.equal(errorMessage(undefined), 'undefined');
  assert.equal(errorMessage('two\nlines', { firstLine: true }), 'two');
  const error = new TypeError('kept');
  assert.equal(toError(error), error, 'an Error passes through as itself');
  const wrapped = toError('a string');
  assert.ok(wrapped instanceof Error);
  assert.equal(wrapped.message, 'a string');
});

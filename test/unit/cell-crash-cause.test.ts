/**
 * A cell process that dies without a result is reported with the line of its stderr that
 * says why, not with Node's closing "Node.js v20…" banner or a stack frame.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { causeIn } from '../../runners/orchestrate/spawn-cell.js';

test('the cause of a dead cell is its error line, not the version banner', () => {
  const uncaught = [
    'file:///work/dist/runners/json-codec.js:26',
    '    const kind = wire[TAG];',
    '                     ^',
    '',
    "TypeError: Cannot read properties of null (reading '__benchTypedArray')",
    '    at fromWire (file:///work/dist/runners/json-codec.js:26:22)',
    '    at ChildProcess.<anonymous> (file:///work/dist/runners/channels/child-channel.js:18:62)',
    '',
    'Node.js v20.20.2',
    '',
  ].join('\n');
  assert.equal(causeIn(uncaught), "TypeError: Cannot read properties of null (reading '__benchTypedArray')");
  assert.equal(
    causeIn('FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n'),
    'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
  );
  const outOfMemory = [
    '<--- Last few GCs --->',
    'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
    '----- Native stack trace -----',
    ' 1: 0xb8cf03 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [/usr/bin/node]',
    ' 3: 0xee85e7 v8::internal::V8::FatalProcessOutOfMemory(v8::internal::Isolate*, char const*) [/usr/bin/node]',
  ].join('\n');
  assert.equal(causeIn(outOfMemory), 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory');
  const thrownString = [
    '',
    'node:internal/process/esm_loader:40',
    "      internalBinding('errors').triggerUncaughtException(",
    '      ^',
    'boom',
    '(Use `node --trace-uncaught ...` to show where the exception was thrown)',
    '',
    'Node.js v20.20.2',
  ].join('\n');
  assert.equal(causeIn(thrownString), 'boom');
  assert.equal(causeIn('some last words\n'), 'some last words');
  assert.equal(causeIn('\n'), undefined);
});

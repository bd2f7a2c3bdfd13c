/**
 * A process that died of an uncaught throw on Deno is reported with Deno's "error: Uncaught …"
 * line: Deno prints it first, then the source line and a caret, so neither the line after the
 * caret (a frame) nor the source line ("throw new Error(…)", which looks like an error) is taken.
 * Bun's numbered source lines and any line a caret stands under are never the cause either.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { causeIn } from '../../runners/common/stderr-cause.js';

test("Deno's uncaught throw is reported by its error line, never by the source line above the caret", () => {
  const deno =
    '\u001b[0m\u001b[1m\u001b[31merror\u001b[0m: Uncaught (in promise) Error: the suite failed to import in a child process: Error: fault-import: nope\n' +
    '        throw new Error("the suite failed to import in " + where + ": " + errorMessage(error, { withName: true }));\n' +
    '\u001b[0m\u001b[31m              ^\u001b[0m\n' +
    '    at \u001b[0m\u001b[1m\u001b[3mimportSuite\u001b[0m (file:///work/main/dist/runners/transports/entry-support.js:14:15)\n' +
    '    at async file:///work/main/dist/runners/transports/child/child-entry.js:29:15\n';
  assert.equal(
    causeIn(deno),
    'error: Uncaught (in promise) Error: the suite failed to import in a child process: Error: fault-import: nope',
  );
  const withCause =
    'error: Uncaught Error: outer\nthrow new Error("outer", { cause });\n      ^\n    at file:///x.mjs:1:7\nCaused by: Error: inner\n    at file:///x.mjs:1:1\n';
  assert.equal(causeIn(withCause), 'error: Uncaught Error: outer');
});

test('a source line under which a caret stands, or a numbered one of Bun, is never the cause', () => {
  // The error line itself lost (the tail cut it off): the last error line that is not source code.
  const cut = 'RangeError: earlier words\n  throw new Error("looks like one");\n  ^\n    at f (file:///x.mjs:2:9)\n';
  assert.equal(causeIn(cut), 'RangeError: earlier words');
  const bunSnippetOnly = 'TypeError: said before\n14 |   throw new Error("boom");\n';
  assert.equal(causeIn(bunSnippetOnly), 'TypeError: said before');
});

/** The suite-name rule: one line of plain text, trimmed, at most 64 characters, never "__proto__". */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suiteNameProblem } from '../../suites/suite-name.js';

test('a suite name must stay one line of plain text and one key of the results file', () => {
  for (const fine of ['fib', 'sha256', 'my suite (v2)', 'échange', 'x'.repeat(64), 'esc\u001b]0;t\u0007', 'constructor'])
    assert.equal(suiteNameProblem(fine), undefined, JSON.stringify(fine));
  for (const [name, problem] of [
    ['', /is empty/],
    ['   ', /is empty/],
    ['a\nb', /holds a line break/],
    ['a\rb', /holds a line break/],
    ['a\u2028b', /holds a line break/],
    ['abc\u202eevil', /holds a line break or a format character/],
    ['zero\u200bwidth', /format character/],
    [' fib', /begins or ends with white space/],
    ['x'.repeat(65), /longer than 64 characters/],
    ['__proto__', /"__proto__" cannot be a key of the results file/],
  ] as const)
    assert.match(suiteNameProblem(name) ?? '(accepted)', problem, JSON.stringify(name));
});
